/**
 * The resolved model as plain data for `strategy export`: every measure with its references
 * resolved (field and goal titles, partner names and kinds, programme names and providers) and its
 * finding counts from a lint. Unknown references stay in the output with `null` names, so that an
 * export of a repository with errors is still complete.
 */
import type { LintResult } from '../workspace';
import type { AiBlock, Ethics, FundingStatus, Measure, MeasureStatus, Model, PartnerKind, Privacy, Provider } from '../model/types';
import type { Lang } from '../types';
import { parseDateSpan, type Day } from '../dates';

export const EXPORT_VERSION = 1;

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
}

export interface ExportedReference {
  id: string;
  /** Title or name of the referenced element; `null` when the id is unknown. */
  title: string | null;
}

export interface ExportedDependency {
  /** The reference as written: `MEASURE` or `MEASURE/milestone`. */
  ref: string;
  measure: string;
  milestone: string | null;
  /** Title of the measure (or milestone); `null` when unknown. */
  title: string | null;
}

export interface ExportedPartner {
  id: string;
  name: string | null;
  kind: PartnerKind | null;
}

export interface ExportedFunding {
  source: string;
  /** True for the municipal budget (`own`). */
  own: boolean;
  programme: string | null;
  provider: Provider | null;
  status: FundingStatus | null;
  amount: number | null;
  date: string | null;
  reference: string | null;
}

export interface ExportedMilestone {
  id: string;
  title: string;
  date: string | null;
  /** The milestone's date as a day (the last day of a coarse date). */
  due: Day | null;
  status: string | null;
}

/** Sums of the funding amounts of a measure: programmes by status, and the municipal budget. */
export interface FundingSums {
  granted: number;
  applied: number;
  planned: number;
  candidate: number;
  rejected: number;
  own: number;
}

export interface ExportedMeasure {
  id: string;
  title: string;
  file: string;
  /** 1-based line of the measure's `id`. */
  line: number;
  status: MeasureStatus | null;
  owner: string | null;
  field: ExportedReference | null;
  goals: ExportedReference[];
  /** Dates as written (`YYYY`, `YYYY-Qn`, …) and as days (first day of the start, last day of the end). */
  start: string | null;
  end: string | null;
  startDate: Day | null;
  endDate: Day | null;
  dependsOn: ExportedDependency[];
  partners: ExportedPartner[];
  cost: { total: number | null; currency: string; perYear: number | null } | null;
  funding: ExportedFunding[];
  fundingSums: FundingSums;
  ai: AiBlock | null;
  privacy: Privacy | null;
  ethics: Ethics | null;
  milestones: ExportedMilestone[];
  waivers: Array<{ rule: string; reason: string; until: string | null; by: string | null }>;
  tags: string[];
  findings: FindingCounts;
}

export interface ExportDocument {
  version: number;
  asOf: Day;
  lang: Lang;
  strategy: {
    title: string | null;
    organisation: string | null;
    language: Lang | null;
    adopted: { date: string | null; reference: string | null } | null;
    horizon: { start: string | null; end: string | null } | null;
    aiLiteracy: { description: string | null; since: string | null; measure: string | null } | null;
  };
  fields: Array<{ id: string; title: string; description: string | null }>;
  goals: Array<{ id: string; title: string; field: ExportedReference | null; description: string | null }>;
  partners: Array<{ id: string; name: string; kind: PartnerKind | null; url: string | null }>;
  programmes: Array<{ id: string; name: string; provider: Provider | null; body: string | null; url: string | null; rate: string | number | null; deadline: string | null; notes: string | null }>;
  measures: ExportedMeasure[];
  /** Totals of the whole lint, findings outside measures (e.g. in strategy.yaml) included. */
  summary: FindingCounts & { measures: number; files: number };
}

const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** Builds the export document from a lint result (the model it was computed on included). */
export function exportModel(result: LintResult): ExportDocument {
  const { model } = result;
  const counts = countByMeasure(result);
  const s = model.strategy;
  return {
    version: EXPORT_VERSION,
    asOf: result.asOf,
    lang: result.lang,
    strategy: {
      title: nul(s.title),
      organisation: nul(s.organisation),
      language: nul(s.language),
      adopted: s.adopted ? { date: nul(s.adopted.date), reference: nul(s.adopted.reference) } : null,
      horizon: s.horizon ? { start: nul(s.horizon.start), end: nul(s.horizon.end) } : null,
      aiLiteracy: s.aiLiteracy ? { description: nul(s.aiLiteracy.description), since: nul(s.aiLiteracy.since), measure: s.aiLiteracy.measure?.id ?? null } : null,
    },
    fields: model.fields.map((f) => ({ id: f.id, title: f.title, description: nul(f.description) })),
    goals: model.goals.map((g) => ({ id: g.id, title: g.title, field: g.field ? fieldRef(model, g.field.id) : null, description: nul(g.description) })),
    partners: model.partners.map((p) => ({ id: p.id, name: p.name, kind: nul(p.kind), url: nul(p.url) })),
    programmes: model.programmes.map((p) => ({ id: p.id, name: p.name, provider: nul(p.provider), body: nul(p.body), url: nul(p.url), rate: nul(p.rate), deadline: nul(p.deadline), notes: nul(p.notes) })),
    measures: model.measures.map((m) => exportMeasure(model, m, counts.get(measureKey(m.origin.file, m.id)))),
    summary: {
      errors: result.findings.filter((f) => f.severity === 'error').length,
      warnings: result.findings.filter((f) => f.severity === 'warning').length,
      infos: result.findings.filter((f) => f.severity === 'info').length,
      waived: result.waived.length,
      measures: model.measures.length,
      files: result.fileCount,
    },
  };
}

function fieldRef(model: Model, id: string): ExportedReference {
  return { id, title: model.fieldById.get(id)?.title ?? null };
}

// Duplicate ids are possible (and reported); file plus id tells two measures apart.
const measureKey = (file: string, id: string) => `${file}\0${id}`;

function countByMeasure(result: LintResult): Map<string, FindingCounts> {
  const out = new Map<string, FindingCounts>();
  const get = (file: string, id: string) => {
    const key = measureKey(file, id);
    let c = out.get(key);
    if (!c) out.set(key, (c = { errors: 0, warnings: 0, infos: 0, waived: 0 }));
    return c;
  };
  for (const f of result.findings) {
    if (!f.measure) continue;
    const c = get(f.file, f.measure);
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  for (const f of result.waived) if (f.measure) get(f.file, f.measure).waived++;
  return out;
}

function exportMeasure(model: Model, m: Measure, counts: FindingCounts | undefined): ExportedMeasure {
  const line = m.origin.source.locate(['id'], 'value', m.origin.node).start.line;
  return {
    id: m.id,
    title: m.title,
    file: m.origin.file,
    line,
    status: nul(m.status),
    owner: nul(m.owner),
    field: m.field ? fieldRef(model, m.field.id) : null,
    goals: m.goals.map((g) => ({ id: g.id, title: model.goalById.get(g.id)?.title ?? null })),
    start: nul(m.start),
    end: nul(m.end),
    startDate: m.startSpan?.first ?? null,
    endDate: m.endSpan?.last ?? null,
    dependsOn: m.dependsOn.map((d) => dependency(model, d.id)),
    partners: m.partners.map((p) => {
      const partner = model.partnerById.get(p.id);
      return { id: p.id, name: partner?.name ?? null, kind: partner?.kind ?? null };
    }),
    cost: m.cost ? { total: nul(m.cost.total), currency: m.cost.currency ?? 'EUR', perYear: nul(m.cost.per_year) } : null,
    funding: m.funding.map((f) => {
      const own = f.source === 'own';
      const programme = own ? undefined : model.programmeById.get(f.source);
      return { source: f.source, own, programme: programme?.name ?? null, provider: programme?.provider ?? null, status: nul(f.status), amount: nul(f.amount), date: nul(f.date), reference: nul(f.reference) };
    }),
    fundingSums: fundingSums(m),
    ai: m.ai ?? null,
    privacy: m.privacy ?? null,
    ethics: m.ethics ?? null,
    milestones: m.milestones.map((ms) => ({ id: ms.id, title: ms.title, date: nul(ms.date), due: ms.span?.last ?? parseDateSpan(ms.date)?.last ?? null, status: nul(ms.status) })),
    waivers: m.waivers.map((w) => ({ rule: w.rule, reason: w.reason, until: nul(w.until), by: nul(w.by) })),
    tags: m.tags,
    findings: counts ?? { errors: 0, warnings: 0, infos: 0, waived: 0 },
  };
}

function dependency(model: Model, ref: string): ExportedDependency {
  const slash = ref.indexOf('/');
  const measureId = slash < 0 ? ref : ref.slice(0, slash);
  const milestoneId = slash < 0 ? null : ref.slice(slash + 1);
  const measure = model.measureById.get(measureId);
  const title = milestoneId === null ? measure?.title : measure?.milestones.find((ms) => ms.id === milestoneId)?.title;
  return { ref, measure: measureId, milestone: milestoneId, title: title ?? null };
}

function fundingSums(m: Measure): FundingSums {
  const sums: FundingSums = { granted: 0, applied: 0, planned: 0, candidate: 0, rejected: 0, own: 0 };
  for (const f of m.funding) {
    if (typeof f.amount !== 'number' || !Number.isFinite(f.amount)) continue;
    // Municipal money counts as own funds whatever its budget status; rejected own money is no money.
    if (f.source === 'own') {
      if (f.status !== 'rejected') sums.own += f.amount;
    } else if (f.status) sums[f.status] += f.amount;
  }
  return sums;
}
