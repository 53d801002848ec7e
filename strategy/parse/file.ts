import { decodeUtf8, LineIndex } from '../text';
import { YamlSource, YAML_LIMITS, type YamlNode, type YamlProblem } from './yaml';
import { splitFrontMatter, lazyBody, firstHeading } from './markdown';
import { validateAgainst, type SchemaName, type SchemaProblem } from '../schema/validate';
import { buildMeasure } from '../model/measure';
import { readFields, readGoals, readPartners, readProgrammes, readStrategyConfig } from '../model/catalogue';
import { isRecord } from '../model/coerce';
import { formatMessage, messageOf } from '../rules/rule';
import { yamlSyntax, YAML_ERROR_DE, YAML_ERROR_DE_UNKNOWN } from '../rules/structure/yaml-syntax';
import { fill } from '../messages/fill';
import { unreadableCode } from './unreadable';
import { notAMeasure } from '../rules/structure/not-a-measure';
import { schema as schemaRule } from '../rules/structure/schema';
import { dateOrder } from '../rules/structure/date-order';
import { parseDateSpan } from '../dates';
import { readInquiry, type Inquiry } from '../model/inquiry';
import { replaceTitle } from '../fix';
import type { Field, Goal, Measure, Partner, Programme, StrategyConfig } from '../model/types';
import type { Finding, Localized, Path } from '../types';

export type FileKind = 'strategy' | 'funding' | 'partners' | 'measures' | 'inquiry';

/** A finding before configuration decides its severity. */
export type Report = Omit<Finding, 'severity'> & { level?: Finding['severity'] };

export interface ParsedFile {
  path: string;
  kind: FileKind;
  text: string;
  lines: LineIndex;
  reports: Report[];
  measures: Measure[];
  strategy?: StrategyConfig;
  fields: Field[];
  goals: Goal[];
  programmes: Programme[];
  partners: Partner[];
  /** A council inquiry (`inquiries/*.yaml`). */
  inquiry?: Inquiry;
}

export interface ParseLimits {
  /** Files above this size (bytes) are reported, not parsed. */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxFileBytes: 2 * 1024 * 1024 };

// RESOURCE_EXHAUSTION: the yaml package caught a stack overflow while composing deeply nested collections.
const YAML_CODE_MESSAGES: Record<string, string> = { DUPLICATE_KEY: 'duplicateKey', TAB_AS_INDENT: 'tab', UNQUOTED_COLON: 'colon', ALIAS_COUNT: 'aliases', ALIAS_EXPANSION: 'expansion', TOKENS: 'tokens', DEPTH: 'depth', RESOURCE_EXHAUSTION: 'depth' };
/** A file that is not YAML at all yields hundreds of errors; the first ones are enough to act on. */
const MAX_YAML_PROBLEMS = 20;

/**
 * Size in UTF-8 bytes, so that an editor's string and the CLI's file bytes meet the same limit.
 * Exact above `limit`; below it, a string short enough to fit anyway is not counted.
 */
function byteLength(content: Uint8Array | string, limit: number): number {
  if (typeof content !== 'string') return content.byteLength;
  if (content.length * 3 <= limit) return content.length; // cannot exceed the limit: not counted
  let n = content.length; // one byte per UTF-16 unit, plus the extra bytes below
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && (content.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair: 4 bytes for 2 units
      i++;
    } else n += 2; // 3 bytes (a lone surrogate becomes U+FFFD, also 3 bytes)
  }
  return n;
}

export function parseFile(path: string, kind: FileKind, content: Uint8Array | string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  const empty = (text: string): ParsedFile => ({ path, kind, text, lines: new LineIndex(text), reports: [], measures: [], fields: [], goals: [], programmes: [], partners: [] });
  const unreadable = unreadableCode(content);
  if (unreadable !== undefined) {
    const pf = empty('');
    pf.reports.push(fileReport(pf, yamlSyntax.id, messageOf(yamlSyntax, 'unreadable', { code: unreadable })));
    return pf;
  }
  const size = byteLength(content, limits.maxFileBytes);
  if (size > limits.maxFileBytes) {
    const pf = empty('');
    pf.reports.push(fileReport(pf, yamlSyntax.id, messageOf(yamlSyntax, 'tooLarge', { size, max: limits.maxFileBytes })));
    return pf;
  }
  const decoded = decodeUtf8(content);
  if (!decoded.ok) {
    // Point at the bad byte: line and column after the valid text before it.
    const before = new LineIndex(new TextDecoder().decode((content as Uint8Array).subarray(0, decoded.byteOffset)));
    const pf = empty('');
    pf.reports.push({ rule: yamlSyntax.id, file: path, range: before.range(before.length, before.length), ...messageOf(yamlSyntax, 'encoding', { byte: decoded.byteOffset }) });
    return pf;
  }
  const text = decoded.text;
  const pf = empty(text);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    pf.reports.push({ rule: yamlSyntax.id, file: path, range: pf.lines.range(nul, nul + 1), ...messageOf(yamlSyntax, 'binary') });
    return pf;
  }

  if (kind === 'measures') {
    if (/\.(md|markdown)$/i.test(path)) parseMarkdownMeasure(pf);
    else parseYamlMeasures(pf);
    if (pf.measures.length) pf.measures = pf.measures.slice(); // kept for the session: exact size
    return pf;
  }

  if (text.trim() === '') {
    pf.reports.push(fileReport(pf, yamlSyntax.id, messageOf(yamlSyntax, 'empty')));
    return pf;
  }
  const source = new YamlSource(text, pf.lines);
  pushYamlProblems(pf, source.problems);
  if (!isRecord(source.value)) {
    if (source.value !== null || source.problems.length === 0) {
      pf.reports.push({ rule: schemaRule.id, file: path, range: source.rootRange(), ...messageOf(schemaRule, 'rootType') });
    }
    return pf;
  }
  const data = source.value;
  const schemaName: SchemaName = kind;
  pushSchema(pf, validateAgainst(schemaName, data, source, source.root), undefined);
  if (kind === 'strategy') {
    pf.strategy = readStrategyConfig(data, path, source);
    pf.fields = readFields(data, path, source);
    pf.goals = readGoals(data, path, source);
    checkDates(pf, source, source.root, data, [['adopted', 'date'], ['horizon', 'start'], ['horizon', 'end'], ['ai_literacy', 'since']], undefined);
    checkHorizon(pf, source, data);
  }
  if (kind === 'strategy' || kind === 'funding') {
    pf.programmes = readProgrammes(data, path, source);
    const deadlines: Path[] = Array.isArray(data.programmes) ? data.programmes.map((_, i) => ['programmes', i, 'deadline']) : [];
    checkDates(pf, source, source.root, data, deadlines, undefined);
  }
  if (kind === 'strategy' || kind === 'partners') pf.partners = readPartners(data, path, source);
  if (kind === 'inquiry') {
    pf.inquiry = readInquiry(data, path, source);
    checkDates(pf, source, source.root, data, [['date'], ['meeting'], ['answered']], undefined);
  }
  return pf;
}

function fileReport(pf: ParsedFile, rule: string, message: { message: Localized; messageId: string }): Report {
  return { rule, file: pf.path, range: pf.lines.range(0, Math.min(pf.text.search(/\r|\n|$/), 200)), ...message };
}

function pushYamlProblems(pf: ParsedFile, problems: YamlProblem[], measure?: string) {
  // One finding per cause: parse errors repeat at the same place, and "too deep" comes both from
  // the depth check and from the parser's own stack guard.
  const seen = new Set<string>();
  const distinct = problems.filter((p) => {
    const k = YAML_CODE_MESSAGES[p.code] === 'depth' ? 'depth' : `${p.code}|${p.range.start.offset}|${p.message}`;
    return !seen.has(k) && !!seen.add(k);
  });
  for (const p of distinct.slice(0, MAX_YAML_PROBLEMS)) {
    const key = YAML_CODE_MESSAGES[p.code];
    let message: Localized;
    let range = p.range;
    const messageId = key ?? 'syntax';
    if (key === 'duplicateKey') {
      // The parser points at the first character of the key; report the whole key.
      const keyText = keyAt(pf.text, p.range.start.offset);
      if (keyText) range = pf.lines.range(p.range.start.offset, p.range.start.offset + keyText.length);
      message = formatMessage(yamlSyntax.messages.duplicateKey, { key: unquoteKey(keyText) || '?' });
    } else if (key === 'aliases') message = formatMessage(yamlSyntax.messages.aliases, { max: YAML_LIMITS.maxAliasCount });
    else if (key === 'expansion') message = formatMessage(yamlSyntax.messages.expansion, { max: p.limit ?? 0 });
    else if (key === 'tokens') message = formatMessage(yamlSyntax.messages.tokens, { max: p.limit ?? 0 });
    else if (key === 'depth') message = formatMessage(yamlSyntax.messages.depth, { max: YAML_LIMITS.maxDepth });
    else if (key === 'tab') message = formatMessage(yamlSyntax.messages.tab);
    else if (key === 'colon') message = formatMessage(yamlSyntax.messages.colon, { key: p.key ?? '?', suggestion: p.fix?.newText ?? '' });
    // The parser quotes the offending token, which may be a whole (huge) scalar: keep the start.
    else {
      const de = Object.hasOwn(YAML_ERROR_DE, p.code) ? YAML_ERROR_DE[p.code as keyof typeof YAML_ERROR_DE] : fill(YAML_ERROR_DE_UNKNOWN, { code: p.code });
      message = formatMessage(yamlSyntax.messages.syntax, { detail: { de, en: p.message.length > 200 ? p.message.slice(0, 199) + '…' : p.message } });
    }
    const fixes = p.fix ? { fixes: [{ title: key === 'colon' ? yamlSyntax.messages.fixQuote : yamlSyntax.messages.fixIndent, safe: p.fix.safe, edits: [{ range: p.fix.range, newText: p.fix.newText }] }] } : {};
    const data = key === 'colon' ? { data: { key: p.key ?? '?', suggestion: p.fix?.newText ?? '' } } : {};
    pf.reports.push({ rule: yamlSyntax.id, file: pf.path, range, message, measure, messageId, ...data, ...fixes });
  }
  if (distinct.length > MAX_YAML_PROBLEMS) {
    const last = distinct[MAX_YAML_PROBLEMS].range;
    pf.reports.push({ rule: yamlSyntax.id, file: pf.path, range: last, ...messageOf(yamlSyntax, 'more', { count: distinct.length - MAX_YAML_PROBLEMS }), measure });
  }
}

/** A mapping key as written at `offset`: quoted, or plain up to the `:` that ends it. */
const KEY_AT = /"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\r\n]|'')*'|[^\r\n,{}[\]]*?(?=[ \t]*:(?:[ \t\r\n,}\]]|$))/y;
function keyAt(text: string, offset: number): string {
  KEY_AT.lastIndex = offset;
  return KEY_AT.exec(text)?.[0] ?? '';
}

function unquoteKey(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key.trim();
}

function pushSchema(pf: ParsedFile, problems: SchemaProblem[], measure: string | undefined) {
  for (const p of problems) {
    const id = p.messageId ? { messageId: p.messageId, data: p.data } : {};
    // A safe suggestion (a date in ISO form) is a safe fix; other suggestions become unsafe ones (see workspace.ts).
    const fixes = p.suggestion && p.safe ? { fixes: [{ title: replaceTitle(p.suggestion), safe: true, edits: [{ range: p.range, newText: p.suggestion }] }] } : {};
    pf.reports.push({ rule: schemaRule.id, file: pf.path, range: p.range, message: p.message, measure, ...(p.suggestion ? { suggestion: p.suggestion } : {}), ...id, ...fixes });
  }
}

/** `horizon: { start: 2031, end: 2030 }`: one finding at the end, with an (unsafe) fix that swaps the two. */
function checkHorizon(pf: ParsedFile, source: YamlSource, data: Record<string, unknown>) {
  const h = data.horizon;
  if (!isRecord(h)) return;
  const start = parseDateSpan(h.start);
  const end = parseDateSpan(h.end);
  if (!start || !end || end.last >= start.first) return;
  const startText = source.rawText(['horizon', 'start']);
  const endText = source.rawText(['horizon', 'end']);
  const startRange = source.locate(['horizon', 'start']);
  const range = source.locate(['horizon', 'end']);
  const fixes = startText !== undefined && endText !== undefined ? [{ title: dateOrder.messages.fixSwap, safe: false, edits: [{ range: startRange, newText: endText }, { range, newText: startText }] }] : [];
  pf.reports.push({ rule: dateOrder.id, file: pf.path, range, ...messageOf(dateOrder, 'horizonReversed', { start: String(h.start), end: String(h.end) }), related: [{ file: pf.path, range: startRange, message: dateOrder.messages.horizonStart }], fixes });
}

const MEASURE_DATES: Path[] = [['start'], ['end'], ['privacy', 'dpia_date'], ['privacy', 'dpo_consulted'], ['ai', 'in_service_since'], ['ethics', 'date']];

/** Dates that match the pattern but do not exist (2026-02-30) – the schema cannot see that. */
function checkDates(pf: ParsedFile, source: YamlSource, node: YamlNode | null, data: Record<string, unknown>, paths: Path[], measure: string | undefined) {
  const get = (p: Path) => p.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined), data);
  const all: Path[] = [...paths];
  for (const list of ['funding', 'milestones', 'waivers'] as const) {
    const items = data[list];
    if (Array.isArray(items)) items.forEach((_, i) => all.push([list, i, list === 'waivers' ? 'until' : 'date']));
  }
  for (const p of all) {
    const v = get(p);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !parseDateSpan(v)) {
      pf.reports.push({ rule: schemaRule.id, file: pf.path, range: source.locate(p, 'value', node), ...messageOf(schemaRule, 'date', { value: v }), measure });
    }
  }
}

function addMeasure(pf: ParsedFile, data: Record<string, unknown>, source: YamlSource, node: YamlNode | null, body?: ReturnType<typeof lazyBody>) {
  const id = typeof data.id === 'string' ? data.id : typeof data.id === 'number' ? String(data.id) : undefined;
  if (id === undefined || id === '') {
    pf.reports.push({ rule: notAMeasure.id, file: pf.path, range: node?.range ? source.range(node.range[0], Math.min(node.range[1], node.range[0] + 1)) : source.range(0, 0), ...messageOf(notAMeasure, 'noId') });
    return;
  }
  let withTitle = data;
  let titleFromHeading = false;
  if ((typeof data.title !== 'string' || !data.title.trim()) && body && data.title === undefined) {
    const heading = firstHeading(body);
    if (heading) {
      withTitle = { ...data, title: heading };
      titleFromHeading = true;
    }
  }
  pushSchema(pf, validateAgainst('measure', withTitle, source, node), id);
  checkDates(pf, source, node, data, MEASURE_DATES, id);
  const m = buildMeasure(withTitle, pf.path, source, node, body);
  if (titleFromHeading) m.titleFromHeading = true;
  pf.measures.push(m);
}

function parseMarkdownMeasure(pf: ParsedFile) {
  const split = splitFrontMatter(pf.text);
  if (split.yaml === undefined) {
    pf.reports.push(fileReport(pf, notAMeasure.id, messageOf(notAMeasure, 'noFrontMatter')));
    return;
  }
  if (split.unclosed) {
    pf.reports.push({ rule: yamlSyntax.id, file: pf.path, range: pf.lines.range(0, 3), ...messageOf(yamlSyntax, 'frontMatterUnclosed') });
    return;
  }
  const source = new YamlSource(split.yaml, pf.lines, split.yamlOffset);
  pushYamlProblems(pf, source.problems);
  if (isRecord(source.value)) addMeasure(pf, source.value, source, source.root, lazyBody(pf.text, split.bodyOffset));
  else if (source.problems.length === 0) pf.reports.push({ rule: notAMeasure.id, file: pf.path, range: source.rootRange(), ...messageOf(notAMeasure, 'noId') });
}

function parseYamlMeasures(pf: ParsedFile) {
  if (pf.text.trim() === '') {
    pf.reports.push(fileReport(pf, notAMeasure.id, messageOf(notAMeasure, 'noId')));
    return;
  }
  const source = new YamlSource(pf.text, pf.lines);
  pushYamlProblems(pf, source.problems);
  const v = source.value;
  if (isRecord(v)) addMeasure(pf, v, source, source.root);
  else if (Array.isArray(v) && source.root?.kind === 'seq') {
    const items = source.sequenceItems();
    v.forEach((item, i) => {
      const node = items[i] ?? null;
      if (isRecord(item) && node?.kind === 'map') addMeasure(pf, item, source, node);
      else pf.reports.push({ rule: notAMeasure.id, file: pf.path, range: node?.range ? source.range(node.range[0], node.range[1]) : source.rootRange(), ...messageOf(notAMeasure, 'notMapping') });
    });
  } else if (source.problems.length === 0 || v !== null) {
    pf.reports.push({ rule: notAMeasure.id, file: pf.path, range: source.rootRange(), ...messageOf(notAMeasure, 'notMapping') });
  }
}
