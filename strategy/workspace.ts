import { parseFile, DEFAULT_LIMITS, type ParsedFile, type ParseLimits, type Report, type FileKind } from './parse/file';
import { makeClassifier, STRATEGY_FILE } from './discovery';
import { buildModel } from './model/build';
import { ALL_RULES, RULES_BY_ID } from './rules/index';
import { formatMessage, type LintSettings, type MeasurePart, type ReportInput, type Rule } from './rules/rule';
import { DEFAULT_DEADLINE_DAYS, resolveSeverity, type LintOptions } from './config';
import { waiverExpiredOn } from './rules/waivers/expiry';
import { dependencyGraph } from './graph';
import { profileOf, ruleAppliesTo, ruleInProfile } from './rules/scope';
import { aiActVersionFor } from './data/ai-act';
import type { Measure, Model } from './model/types';
import type { Finding, Lang, Range } from './types';
import { replaceTitle, type Fix } from './fix';
import { pushAll } from './arrays';

export interface LintResult {
  model: Model;
  /** Findings to report (severity decided, waived ones removed), sorted by file and position. */
  findings: Finding[];
  /** Findings a waiver covers, with the waiver. */
  waived: Finding[];
  asOf: string;
  lang: Lang;
  /** Files read (strategy files and files matched by `include`). */
  fileCount: number;
}

type MeasureRule = Extract<Rule, { scope: 'measure' }>;

/** Shared by the (many) cache entries without reports; never added to. */
const NO_REPORTS: Report[] = [];
/** The parts of a lint that keeps nothing (`once`): never written. */
const NO_PARTS: MeasureEntry['parts'] = [];

/** What the workspace keeps per measure between lints. */
interface MeasureEntry {
  /** Reports of the measure rules. */
  local: Report[];
  /** Per repository rule: the reports of its per-measure part, with the lint that made or confirmed them and what else the part read (`eachMeasure`). */
  parts: Array<{ lint: number; reports: Report[]; read: unknown } | undefined>;
}
type RepositoryRule = Extract<Rule, { scope: 'repository' }>;

const measureRules = ALL_RULES.filter((r): r is MeasureRule => r.scope === 'measure');
const repositoryRules = ALL_RULES.filter((r): r is RepositoryRule => r.scope === 'repository');
type ConfigurationRule = Extract<Rule, { scope: 'configuration' }>;
const configurationRules = ALL_RULES.filter((r): r is ConfigurationRule => r.scope === 'configuration');
const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());

/** Reports kept per rule and measure (or per rule and file, for reports outside a measure's part); then one „… more“. */
export const MAX_REPORTS_PER_RULE = 100;
const MORE_REPORTS = { de: '{count} weitere Befunde dieser Regel hier nicht gezeigt: zuerst die obigen beheben', en: '{count} more findings of this rule here not shown: fix the ones above first' };

/**
 * Passes on the first MAX_REPORTS_PER_RULE reports and counts the rest (not even locating them):
 * a hostile file with a million wrong entries must not cost a million findings. `finish` adds
 * one report of the same rule, at the first one left out, that says how many were.
 */
function cappedReports(rule: Rule, push: (r: Report) => void, measure?: Measure) {
  let kept = 0;
  let dropped = 0;
  let firstInput: ReportInput | undefined;
  let firstReport: Report | undefined;
  const more = (r: Report): Report => ({ rule: r.rule, file: r.file, range: r.range, measure: r.measure, message: formatMessage(MORE_REPORTS, { count: dropped }), ...(r.level ? { level: r.level } : {}) });
  return {
    report(x: ReportInput): void {
      if (kept < MAX_REPORTS_PER_RULE) {
        kept++;
        push(locateReport(rule, x, measure));
      } else if (dropped++ === 0) firstInput = x;
    },
    reportLocated(r: Report): void {
      if (kept < MAX_REPORTS_PER_RULE) {
        kept++;
        push(r);
      } else if (dropped++ === 0) firstReport = r;
    },
    finish(): void {
      const first = firstReport ?? (firstInput && locateReport(rule, firstInput, measure));
      if (dropped && first) push(more(first));
    },
  };
}

/** Turns a rule's report request into a located report. */
export function locateReport(rule: Rule, r: ReportInput, fallbackMeasure?: Measure): Report {
  const m = r.measure ?? fallbackMeasure;
  const template = rule.messages[r.message];
  if (!template) throw new Error(`rule ${rule.id}: no message "${r.message}"`);
  const message = formatMessage(template, r.data);
  // A `suggestion` placeholder in the message is also offered as a replacement (quick fix).
  const suggestion = typeof r.data?.suggestion === 'string' && r.data.suggestion ? { suggestion: r.data.suggestion } : {};
  const extra = { ...(r.level ? { level: r.level } : {}), ...suggestion, messageId: r.message, ...(r.data ? { data: r.data } : {}) };
  let file: string;
  let range: Range;
  if (r.file && r.range) [file, range] = [r.file, r.range];
  else {
    if (!m) throw new Error(`rule ${rule.id}: report without location`);
    const at = r.at && r.at.length ? r.at : ['id'];
    [file, range] = [m.origin.file, m.origin.source.locate(at, r.target ?? 'value', m.origin.node)];
  }
  const fixes: Fix[] = [];
  if (r.fix) fixes.push({ title: r.fix.title ?? replaceTitle(r.fix.replacement), safe: r.fix.safe, edits: [{ range, newText: r.fix.replacement }] });
  if (r.fixes) fixes.push(...r.fixes);
  return { rule: rule.id, file, range, message, measure: m?.id, related: r.related, ...extra, ...(fixes.length ? { fixes } : {}) };
}

/**
 * A report's `suggestion` (did you mean) without a fix of its own becomes an unsafe fix: a guess
 * the editor offers and `lint --fix` leaves alone.
 */
function withSuggestionFix<T extends Omit<Report, 'level'>>(r: T): T {
  if (!r.suggestion || r.fixes) return r;
  return { ...r, fixes: [{ title: replaceTitle(r.suggestion), safe: false, edits: [{ range: r.range, newText: r.suggestion }] }] };
}

/** Measure files and inquiries leave the catalogues (and so every measure's cached findings) as they are. */
function changesCatalogues(kind: FileKind | undefined): boolean {
  return kind !== 'measures' && kind !== 'inquiry';
}

/**
 * The repository as the core sees it: file contents in, findings out. Parsing is cached per file
 * and measure-local rule results per measure, so replacing one file re-parses only that file.
 */
export class StrategyWorkspace {
  private contents = new Map<string, Uint8Array | string>();
  private parsed = new Map<string, ParsedFile>();
  /** Per measure: rule results that stay valid while the catalogues and settings (`entryKey`) do. */
  private entries = new WeakMap<Measure, MeasureEntry>();
  private entryKey = '';
  private catalogueVersion = 0;
  private classify: (p: string) => FileKind | undefined = makeClassifier(['measures/**/*.{md,yaml,yml}']);
  // Kept between lints so that an edit of one file costs no glob matching or sorting of all paths.
  private kinds = new Map<string, FileKind | undefined>();
  private sortedPaths: string[] | undefined;
  /** The parsed files in the order of `sortedPaths`; `staleSlots` are the paths set since. */
  private slots: Array<ParsedFile | undefined> | undefined;
  private staleSlots = new Set<string>();
  private lints = 0;
  /** The last lint's measures with their entries (same positions) and its dependency graph's shape. */
  private last: { measures: readonly Measure[]; entries: MeasureEntry[]; shape: object } | undefined;

  constructor(private readonly limits: ParseLimits = DEFAULT_LIMITS) {}

  /** The include globs of the current strategy.yaml (front ends list files with them). */
  include(): string[] {
    return this.parse(STRATEGY_FILE)?.strategy?.include ?? ['measures/**/*.{md,yaml,yml}'];
  }

  /** Whether a path is read by the tool, and as what (catalogue or measures file). */
  kindOf(path: string): FileKind | undefined {
    if (!this.kinds.has(path)) this.kinds.set(path, this.classify(path));
    return this.kinds.get(path);
  }

  paths(): string[] {
    return [...this.contents.keys()];
  }

  /** The content of one file as set (bytes or text). */
  content(path: string): Uint8Array | string | undefined {
    return this.contents.get(path);
  }

  has(path: string): boolean {
    return this.contents.has(path);
  }

  /** Sets or replaces one file. Returns false when the content did not change. */
  setFile(path: string, content: Uint8Array | string): boolean {
    const old = this.contents.get(path);
    if (old !== undefined && sameContent(old, content)) return false;
    this.contents.set(path, content);
    if (old === undefined) this.sortedPaths = undefined;
    else this.staleSlots.add(path);
    this.parsed.delete(path);
    if (path === STRATEGY_FILE) this.reclassify();
    if (changesCatalogues(this.kindOf(path))) this.catalogueVersion++;
    return true;
  }

  deleteFile(path: string): boolean {
    if (!this.contents.delete(path)) return false;
    this.sortedPaths = undefined;
    this.parsed.delete(path);
    if (path === STRATEGY_FILE) this.reclassify();
    if (changesCatalogues(this.kindOf(path))) this.catalogueVersion++;
    return true;
  }

  /** strategy.yaml changed: its `include` decides anew which files are measures. */
  private reclassify(): void {
    this.classify = makeClassifier(this.include());
    this.kinds.clear();
    this.slots = undefined;
  }

  /** The parsed form of one file (parsed on first use). */
  parse(path: string): ParsedFile | undefined {
    // Classify first: a new `include` in strategy.yaml may drop (or change) a file parsed before.
    const kind = path === STRATEGY_FILE ? 'strategy' : this.kindOf(path);
    if (!kind) return undefined;
    let pf = this.parsed.get(path);
    if (pf?.kind === kind) return pf;
    const content = this.contents.get(path);
    if (content === undefined) return undefined;
    pf = parseFile(path, kind, content, this.limits);
    this.parsed.set(path, pf);
    return pf;
  }

  model(): Model {
    return buildModel(this.parsedFiles());
  }

  /** The files the tool reads, parsed, in path order. Between lints only the files set since are looked up again. */
  private parsedFiles(): ParsedFile[] {
    if (!this.sortedPaths || !this.slots) {
      this.sortedPaths = [...this.contents.keys()].sort();
      this.slots = this.sortedPaths.map((p) => this.parse(p));
    } else {
      for (const path of this.staleSlots) {
        const i = indexOfSorted(this.sortedPaths, path);
        if (i >= 0) this.slots[i] = this.parse(path);
      }
    }
    this.staleSlots.clear();
    return this.slots.filter((f): f is ParsedFile => f !== undefined);
  }

  lint(options: LintOptions): LintResult {
    const files = this.parsedFiles();
    const model = buildModel(files);
    const asOf = options.asOf;
    const settings: LintSettings = { asOf, deadlineDays: model.strategy.lint.deadlineDays ?? DEFAULT_DEADLINE_DAYS, aiAct: aiActVersionFor(asOf, model.strategy.aiActVersion) };
    const lang: Lang = options.lang ?? model.strategy.language ?? 'de';
    const reports: Report[] = [];
    const keep = !options.once;

    for (const pf of files) if (pf.reports.length) pushAll(reports, pf.reports);

    // Measure-local results stay valid while the catalogues and the settings stay the same.
    const profile = profileOf(model);
    const cacheKey = `${this.catalogueVersion}|${asOf}|${settings.deadlineDays}|${profile}|${settings.aiAct.id}`;
    if (cacheKey !== this.entryKey) {
      this.entries = new WeakMap();
      this.entryKey = cacheKey;
      this.last = undefined;
    }
    const last = this.last;
    const measures = model.measures;
    const entries: MeasureEntry[] = new Array(measures.length);
    for (let i = 0; i < measures.length; i++) {
      const measure = measures[i];
      // Mostly the same measure at the same place as in the last lint: no lookup by object.
      let entry = last && last.measures[i] === measure ? last.entries[i] : this.entries.get(measure);
      if (!entry) {
        const local: Report[] = [];
        for (const rule of measureRules) {
          if (!ruleInProfile(rule, profile) || !ruleAppliesTo(rule, measure, model, asOf)) continue;
          const sink = cappedReports(rule, (r) => local.push(r), measure);
          rule.check({ measure, model, settings, report: sink.report });
          sink.finish();
        }
        entry = { local: local.length ? local : NO_REPORTS, parts: keep ? new Array(repositoryRules.length) : NO_PARTS };
        if (keep) this.entries.set(measure, entry);
      }
      entries[i] = entry;
      if (entry.local.length) pushAll(reports, entry.local);
    }

    // A measure's part of a repository rule is replayed from the last lint when the catalogues,
    // settings and ids (the graph's shape) are the same, and neither the measure nor anything it
    // depends on changed.
    const graph = dependencyGraph(model);
    const lint = ++this.lints;
    let replay: Uint8Array | undefined;
    if (last && last.shape === graph.shapeToken && last.measures.length === measures.length) {
      replay = new Uint8Array(measures.length).fill(1);
      const dirty = new Set<Measure>();
      for (let i = 0; i < measures.length; i++) {
        const m = measures[i];
        if (last.measures[i] === m) continue;
        dirty.add(m);
        for (const node of graph.nodesOf(m)) for (const edge of graph.dependentsOf(node)) dirty.add(edge.from.measure);
      }
      if (dirty.size) for (let i = 0; i < measures.length; i++) if (dirty.has(measures[i])) replay[i] = 0;
    }
    repositoryRules.forEach((rule, r) => {
      if (!ruleInProfile(rule, profile)) return;
      const forEachMeasure = (check: MeasurePart, reads?: (measure: Measure) => unknown) => {
        for (let i = 0; i < measures.length; i++) {
          const entry = entries[i];
          if (!ruleAppliesTo(rule, measures[i], model, asOf)) continue;
          const read = keep ? reads?.(measures[i]) : undefined;
          const cached = replay?.[i] ? entry.parts[r] : undefined;
          if (cached && cached.lint === lint - 1 && cached.read === read) {
            cached.lint = lint;
            if (cached.reports.length) pushAll(reports, cached.reports);
            continue;
          }
          const local: Report[] = [];
          const sink = cappedReports(rule, (x) => local.push(x));
          check(measures[i], sink.report);
          sink.finish();
          if (keep) entry.parts[r] = { lint, reports: local.length ? local : NO_REPORTS, read };
          if (local.length) pushAll(reports, local);
        }
      };
      const perFile = new Map<string, ReturnType<typeof cappedReports>>();
      const report = (x: ReportInput) => {
        const located = locateReport(rule, x);
        let sink = perFile.get(located.file);
        if (!sink) perFile.set(located.file, (sink = cappedReports(rule, (y) => reports.push(y))));
        sink.reportLocated(located);
      };
      rule.check({ model, settings, report, forEachMeasure });
      for (const sink of perFile.values()) sink.finish();
    });
    this.last = keep ? { measures, entries, shape: graph.shapeToken } : undefined;

    const { findings, waived } = applyConfiguration(reports, model, settings, options);
    return { model, findings: sortFindings(findings), waived: sortFindings(waived), asOf, lang, fileCount: model.files.length };
  }

  /**
   * Replaces (or, with `null`, deletes) one file and lints again. Returns every file whose
   * findings changed, with its new findings, for editors that publish per file.
   */
  update(path: string, content: Uint8Array | string | null, previous: LintResult | undefined, options: LintOptions): { result: LintResult; changed: Map<string, Finding[]> } {
    if (content === null) this.deleteFile(path);
    else this.setFile(path, content);
    const result = this.lint(options);
    const changed = changedFiles(previous, result);
    return { result, changed };
  }
}

/** Files whose findings differ between two lint results, with their new findings. */
export function changedFiles(previous: LintResult | undefined, result: LintResult): Map<string, Finding[]> {
  const before = groupByFile(previous?.findings ?? []);
  const after = groupByFile(result.findings);
  const changed = new Map<string, Finding[]>();
  for (const file of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(file) ?? [];
    const b = after.get(file) ?? [];
    if (a.length !== b.length || a.some((f, i) => f !== b[i] && !sameFinding(f, b[i]))) changed.set(file, b);
  }
  return changed;
}

/** Position of `path` in paths sorted with the default order, or -1. */
function indexOfSorted(paths: readonly string[], path: string): number {
  let lo = 0;
  let hi = paths.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paths[mid] === path) return mid;
    if (paths[mid] < path) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function sameContent(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = m.get(f.file);
    if (list) list.push(f);
    else m.set(f.file, [f]);
  }
  return m;
}

/** Same rule, severity, place, message and measure (compared field by field: no key strings for thousands of findings per edit). */
function sameFinding(a: Finding, b: Finding): boolean {
  return a.rule === b.rule && a.severity === b.severity && a.range.start.offset === b.range.start.offset && a.range.end.offset === b.range.end.offset && a.message.en === b.message.en && (a.measure ?? '') === (b.measure ?? '');
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.message.en < b.message.en ? -1 : a.message.en > b.message.en ? 1 : 0),
  );
}

/**
 * The finding made of a report, kept while the report is (reports are cached per file and measure
 * between an editor's lints): an unchanged finding is then the same object in the next result.
 */
const findingOf = new WeakMap<Report, Finding>();

/** Severity from configuration, then waivers (and the findings about waivers themselves). */
function applyConfiguration(reports: Report[], model: Model, settings: LintSettings, options: LintOptions): { findings: Finding[]; waived: Finding[] } {
  const asOf = settings.asOf;
  const repoRules = model.strategy.lint.rules;
  const overrides = options.ruleOverrides ?? {};
  const findings: Finding[] = [];
  const waived: Finding[] = [];
  const firedFor = new Set<string>();
  const byId = model.measureById;

  const emit = (report: Report) => {
    const sev = resolveSeverity(report.rule, repoRules, overrides, report.level);
    if (sev === 'off') return;
    let finding = findingOf.get(report);
    if (finding?.severity !== sev) {
      const { level, ...r } = report;
      finding = { ...withSuggestionFix(r), severity: sev };
      findingOf.set(report, finding);
    }
    findings.push(finding);
  };

  for (const r of reports) {
    const measure = r.measure ? byId.get(r.measure) : undefined;
    // A renewed waiver may stand beside its expired predecessor: the one still in force wins.
    const waivers = measure?.waivers.length ? measure.waivers.filter((w) => w.rule === r.rule) : [];
    const waiver = waivers.find((w) => !waiverExpiredOn(w.until, asOf)) ?? waivers[0];
    if (waiver && measure) firedFor.add(`${measure.id}\0${r.rule}`);
    const active = waiver && !waiverExpiredOn(waiver.until, asOf);
    if (waiver && active) {
      const { level, ...rest } = r;
      const sev = resolveSeverity(r.rule, repoRules, overrides, level);
      if (sev !== 'off') waived.push({ ...withSuggestionFix(rest), severity: sev, waiver: { reason: waiver.reason, until: waiver.until, by: waiver.by } });
      continue;
    }
    emit(r);
  }

  // The configuration stage (unknown-rule, waiver-expired, waiver-unused): rules about the configuration, on what the others reported.
  const fired = (measureId: string, rule: string) => firedFor.has(`${measureId}\0${rule}`);
  for (const rule of configurationRules) {
    rule.check({ model, settings, fired, ruleIds: RULE_IDS, report: (x) => emit(locateReport(rule, x)) });
  }
  return { findings, waived };
}
