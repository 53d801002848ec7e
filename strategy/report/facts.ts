/**
 * What the reports say, computed once from a lint result: groupings, sums and states. Pure data,
 * no wording – the section builders turn it into text. Every pass is linear in the number of
 * measures (maps, no nested scans).
 */
import { parseDateSpan, type Day } from '../dates';
import { RULES_BY_ID } from '../rules/index';
import { FUNDING_STATUSES, PROVIDERS, type Field, type FundingEntry, type FundingStatus, type Goal, type Measure, type MeasureStatus, type Model, type Partner, type PartnerKind, type Programme, type Provider, type Waiver } from '../model/types';
import type { Finding, Lang, Severity } from '../types';
import type { LintResult } from '../workspace';
import { addMoney } from '../format';
import { OWN_FUNDS } from '../data/funding';
import { mentionsAi } from './ai-related';

export const IN_USE: ReadonlySet<MeasureStatus | undefined> = new Set(['pilot', 'active']);
export const PLANNED: ReadonlySet<MeasureStatus | undefined> = new Set(['idea', 'planned']);

export type PartnerGroup = 'research' | 'business' | 'public' | 'other';
export const PARTNER_GROUPS: PartnerGroup[] = ['research', 'business', 'public', 'other'];
const GROUP_OF_KIND: Record<PartnerKind, PartnerGroup> = {
  university: 'research',
  research: 'research',
  'start-up': 'business',
  company: 'business',
  municipality: 'public',
  'public-agency': 'public',
  association: 'other',
  other: 'other',
};

export interface StatusSum {
  count: number;
  amount: number;
  /** Entries of this status without an amount (counted, not summed). */
  withoutAmount: number;
}
export type Sums = Record<FundingStatus, StatusSum>;

export interface ProgrammeFunding {
  /** The `source` as written. */
  source: string;
  programme?: Programme;
  provider?: Provider;
  sums: Sums;
  measures: Measure[];
}

export interface FundingLine {
  measure: Measure;
  entry: FundingEntry;
  programme?: Programme;
}

export interface Deadline {
  programme: Programme;
  /** Last day of the deadline (a coarse date means its whole period). */
  last: Day;
  days: number;
  lines: FundingLine[];
}

export interface FundingFacts {
  lines: FundingLine[];
  /** External programmes (everything but `own`), sorted by provider and name. */
  programmes: ProgrammeFunding[];
  own?: ProgrammeFunding;
  providers: Array<{ provider?: Provider; sums: Sums }>;
  /** Sums of external funding (without own funds). */
  total: Sums;
  /** Sums of every entry, own funds included. */
  all: Sums;
  /** Catalogue programmes no measure uses; a programme whose only applications were rejected counts as unused. */
  unused: Programme[];
  /** Of `unused`: the programmes with a rejected application. */
  rejectedOnly: Set<string>;
  deadlines: Deadline[];
}

export interface RelatedElement<T> {
  element: T;
  initiatives: Measure[];
  mentionsAi: boolean;
}

export interface WaiverState {
  measure: Measure;
  waiver: Waiver;
  state: 'active' | 'expired' | 'unused';
}

/**
 * The tag that marks a measure governing the use of AI (a guideline, a public register, an
 * ethics board, training): docs/format.md "Measure keys", `tags`.
 */
export const GOVERNANCE_TAG = 'governance';

export function isGovernance(m: Measure): boolean {
  return m.tags.some((t) => t.trim().toLowerCase() === GOVERNANCE_TAG);
}

export interface Facts {
  model: Model;
  asOf: Day;
  /** Measures, the first of each id (duplicates are a lint error and must not count twice). */
  measures: Measure[];
  ai: Measure[];
  aiInUse: Measure[];
  aiPlanned: Measure[];
  aiOther: Measure[];
  pilots: Measure[];
  /** Measures tagged `governance`: how the use of AI is governed. */
  governance: Measure[];
  /** What a question about AI is about: the AI initiatives and the governance measures. */
  aiScope: Measure[];
  /** Partners with at least one measure of the AI scope, and those measures only. */
  aiPartners: Record<PartnerGroup, Array<{ partner: Partner; measures: Measure[] }>>;
  /** Partners with measures outside the AI scope, and those measures only. */
  otherPartners: Record<PartnerGroup, Array<{ partner: Partner; measures: Measure[] }>>;
  /** Partners of the catalogue without any measure: not a cooperation. */
  idlePartners: Partner[];
  /** AI initiatives in use (pilot, active) without any funding entry. */
  inUseWithoutFunding: Measure[];
  /** Funding of the AI scope only. */
  aiFunding: FundingFacts;
  partners: Record<PartnerGroup, Array<{ partner: Partner; measures: Measure[] }>>;
  measuresWithPartners: number;
  relatedFields: RelatedElement<Field>[];
  relatedGoals: RelatedElement<Goal>[];
  aiByField: Array<{ field?: Field; initiatives: Measure[] }>;
  funding: FundingFacts;
  complianceFindings: Finding[];
  otherFindings: Finding[];
  waivers: WaiverState[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings the council's fifth question is about: data protection, AI Act and ethics review. */
export function isComplianceRule(rule: string): boolean {
  if (rule === 'ethics-review-missing') return true;
  const category = RULES_BY_ID.get(rule)?.category;
  return category === 'privacy' || category === 'ai-act';
}

export function emptySums(): Sums {
  const s = {} as Sums;
  for (const st of FUNDING_STATUSES) s[st] = { count: 0, amount: 0, withoutAmount: 0 };
  return s;
}

function addEntry(sums: Sums, entry: FundingEntry): void {
  if (!entry.status) return;
  const s = sums[entry.status];
  s.count++;
  if (typeof entry.amount === 'number' && Number.isFinite(entry.amount)) s.amount = addMoney(s.amount, entry.amount);
  else s.withoutAmount++;
}

function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function computeFacts(result: LintResult, lang: Lang): Facts {
  const { model, asOf } = result;
  const collator = new Intl.Collator(lang === 'de' ? 'de-DE' : 'en-GB', { sensitivity: 'base', numeric: true });
  const byTitle = (a: Measure, b: Measure) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const measures = model.measures.filter((m) => model.measureById.get(m.id) === m);
  const ai = measures.filter((m) => m.ai).sort(byTitle);

  // Cooperations: partner → measures.
  const measuresOfPartner = new Map<string, Measure[]>();
  let measuresWithPartners = 0;
  for (const m of measures) {
    const ids = new Set(m.partners.map((p) => p.id).filter((id) => model.partnerById.has(id)));
    if (ids.size) measuresWithPartners++;
    for (const id of ids) {
      const list = measuresOfPartner.get(id);
      if (list) list.push(m);
      else measuresOfPartner.set(id, [m]);
    }
  }
  const partners = { research: [], business: [], public: [], other: [] } as Facts['partners'];
  for (const partner of model.partnerById.values()) {
    partners[partner.kind ? GROUP_OF_KIND[partner.kind] : 'other'].push({ partner, measures: (measuresOfPartner.get(partner.id) ?? []).sort(byTitle) });
  }
  for (const g of PARTNER_GROUPS) partners[g].sort((a, b) => collator.compare(a.partner.name, b.partner.name) || (a.partner.id < b.partner.id ? -1 : 1));

  // AI-related fields and goals: referenced by an AI initiative, or naming AI.
  const aiOfField = new Map<string, Measure[]>();
  const aiOfGoal = new Map<string, Measure[]>();
  const push = (map: Map<string, Measure[]>, key: string, m: Measure) => {
    const list = map.get(key);
    if (list) list.push(m);
    else map.set(key, [m]);
  };
  for (const m of ai) {
    if (m.field && model.fieldById.has(m.field.id)) push(aiOfField, m.field.id, m);
    for (const id of new Set(m.goals.map((g) => g.id))) if (model.goalById.has(id)) push(aiOfGoal, id, m);
  }
  const relatedFields = [...model.fieldById.values()]
    .map((f) => ({ element: f, initiatives: aiOfField.get(f.id) ?? [], mentionsAi: mentionsAi(f.title, f.description) }))
    .filter((r) => r.initiatives.length || r.mentionsAi);
  const relatedGoals = [...model.goalById.values()]
    .map((g) => ({ element: g, initiatives: aiOfGoal.get(g.id) ?? [], mentionsAi: mentionsAi(g.title, g.description) }))
    .filter((r) => r.initiatives.length || r.mentionsAi);
  const aiByField: Facts['aiByField'] = [...model.fieldById.values()].filter((f) => aiOfField.has(f.id)).map((f) => ({ field: f, initiatives: aiOfField.get(f.id)! }));
  const withoutField = ai.filter((m) => !m.field || !model.fieldById.has(m.field.id));
  if (withoutField.length) aiByField.push({ initiatives: withoutField });

  const waivedKeys = new Set(result.waived.map((f) => `${f.measure}\0${f.rule}`));
  const waivers: WaiverState[] = [];
  for (const m of measures) {
    for (const w of m.waivers) {
      const last = w.until ? parseDateSpan(w.until)?.last : undefined;
      const state = waivedKeys.has(`${m.id}\0${w.rule}`) ? 'active' : last && last < asOf ? 'expired' : 'unused';
      waivers.push({ measure: m, waiver: w, state });
    }
  }

  const byImportance = (a: Finding, b: Finding) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    collator.compare(a.measure ?? '', b.measure ?? '') ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

  const governance = measures.filter(isGovernance).sort(byTitle);
  const aiScope = [...new Set([...ai, ...governance])].sort(byTitle);
  const inScope = new Set(aiScope);
  const aiPartners = { research: [], business: [], public: [], other: [] } as Facts['partners'];
  const otherPartners = { research: [], business: [], public: [], other: [] } as Facts['partners'];
  const idlePartners: Partner[] = [];
  for (const g of PARTNER_GROUPS)
    for (const row of partners[g]) {
      // A partner of AI and other measures appears in both lists, each time with those measures.
      const forAi = row.measures.filter((m) => inScope.has(m));
      const forOther = row.measures.filter((m) => !inScope.has(m));
      if (forAi.length) aiPartners[g].push({ partner: row.partner, measures: forAi });
      if (forOther.length) otherPartners[g].push({ partner: row.partner, measures: forOther });
      if (!row.measures.length) idlePartners.push(row.partner);
    }

  return {
    model,
    asOf,
    measures,
    governance,
    aiScope,
    aiPartners,
    otherPartners,
    idlePartners,
    inUseWithoutFunding: ai.filter((m) => IN_USE.has(m.status) && m.funding.length === 0),
    aiFunding: computeFunding(model, aiScope, asOf, collator, byTitle),
    ai,
    aiInUse: ai.filter((m) => IN_USE.has(m.status)),
    aiPlanned: ai.filter((m) => PLANNED.has(m.status)),
    aiOther: ai.filter((m) => !IN_USE.has(m.status) && !PLANNED.has(m.status)),
    pilots: measures.filter((m) => m.status === 'pilot').sort(byTitle),
    partners,
    measuresWithPartners,
    relatedFields,
    relatedGoals,
    aiByField,
    funding: computeFunding(model, measures, asOf, collator, byTitle),
    complianceFindings: result.findings.filter((f) => isComplianceRule(f.rule)).sort(byImportance),
    otherFindings: result.findings.filter((f) => !isComplianceRule(f.rule)).sort(byImportance),
    waivers,
  };
}

function computeFunding(model: Model, measures: Measure[], asOf: Day, collator: Intl.Collator, byTitle: (a: Measure, b: Measure) => number): FundingFacts {
  const lines: FundingLine[] = [];
  const bySource = new Map<string, ProgrammeFunding>();
  const total = emptySums();
  const all = emptySums();
  const providerSums = new Map<Provider | undefined, Sums>();
  const linesOfProgramme = new Map<string, FundingLine[]>();
  const used = new Set<string>();

  for (const measure of measures) {
    for (const entry of measure.funding) {
      const programme = model.programmeById.get(entry.source);
      const line = { measure, entry, programme };
      lines.push(line);
      if (entry.status !== 'rejected') used.add(entry.source);
      const forProgramme = linesOfProgramme.get(entry.source);
      if (forProgramme) forProgramme.push(line);
      else linesOfProgramme.set(entry.source, [line]);
      let row = bySource.get(entry.source);
      if (!row) {
        row = { source: entry.source, programme, provider: programme?.provider, sums: emptySums(), measures: [] };
        bySource.set(entry.source, row);
      }
      // Entries of one measure are consecutive: comparing with the last one keeps the list unique.
      if (row.measures[row.measures.length - 1] !== measure) row.measures.push(measure);
      if (!entry.status) continue;
      addEntry(row.sums, entry);
      addEntry(all, entry);
      if (entry.source === OWN_FUNDS && !programme) continue;
      addEntry(total, entry);
      let p = providerSums.get(programme?.provider);
      if (!p) providerSums.set(programme?.provider, (p = emptySums()));
      addEntry(p, entry);
    }
  }

  const providerRank = (p: Provider | undefined) => (p ? PROVIDERS.indexOf(p) : PROVIDERS.length);
  const name = (r: ProgrammeFunding) => r.programme?.name ?? r.source;
  const own = bySource.get(OWN_FUNDS);
  const ownIsProgramme = Boolean(own?.programme);
  const programmes = [...bySource.values()]
    .filter((r) => ownIsProgramme || r.source !== OWN_FUNDS)
    .sort((a, b) => providerRank(a.provider) - providerRank(b.provider) || collator.compare(name(a), name(b)));
  for (const r of programmes) r.measures.sort(byTitle);
  own?.measures.sort(byTitle);

  const providers = [...providerSums.entries()].sort((a, b) => providerRank(a[0]) - providerRank(b[0])).map(([provider, sums]) => ({ provider, sums }));
  const byName = (a: Programme, b: Programme) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
  const catalogue = [...model.programmeById.values()];
  const rejectedOnly = new Set(catalogue.filter((p) => bySource.has(p.id) && !used.has(p.id)).map((p) => p.id));
  const unused = catalogue.filter((p) => !used.has(p.id)).sort((a, b) => providerRank(a.provider) - providerRank(b.provider) || byName(a, b));

  const deadlines: Deadline[] = [];
  for (const programme of catalogue) {
    const last = parseDateSpan(programme.deadline)?.last;
    if (!last || last < asOf) continue;
    deadlines.push({ programme, last, days: daysBetween(asOf, last), lines: (linesOfProgramme.get(programme.id) ?? []).slice().sort((a, b) => byTitle(a.measure, b.measure)) });
  }
  deadlines.sort((a, b) => (a.last < b.last ? -1 : a.last > b.last ? 1 : byName(a.programme, b.programme)));

  return { lines, programmes, own: ownIsProgramme ? undefined : own, providers, total, all, unused, rejectedOnly, deadlines };
}
