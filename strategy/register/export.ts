/**
 * Register entries → records of the Algoritmeregister publication standard v1.0, and per high-risk
 * system the registration data of a public deployer for the EU database (AI Act Annex VIII
 * Section C). Nothing is made up: a value the repository does not hold is left out and listed.
 */
import { isRecord } from '../model/coerce';
import type { Measure, Model } from '../model/types';
import { isRetired, withinAiAct } from '../rules/scope';
import { isRegisterEntry } from '../rules/register/entry';
import { ANNEX_VIII_C_ITEMS, missingAnnexViiiItems } from '../rules/ai-act/eu-database-incomplete';
import { isAnnexIIIPoint2 } from '../rules/ai-act/high-risk';
import type { Day } from '../dates';
import { CARRIED_V1_FIELDS, X_KEY } from './import';
import { STATUS_EXPORT } from './mapping';
import { validateV1, type Violation } from './standard';

export interface ExportedRecord {
  measure: string;
  file: string;
  record: Record<string, unknown>;
  /** What standard v1.0 requires or limits and the record does not meet (missing data first). */
  violations: Violation[];
}

const raw = (m: Measure, ...path: string[]): unknown => {
  let v: unknown = m.data;
  for (const k of path) v = isRecord(v) ? v[k] : undefined;
  return v;
};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

function textOf(v: unknown): string | undefined {
  return typeof v === 'string' ? str(v) : isRecord(v) ? str(v.text) : undefined;
}
function linksOf(v: unknown): { title?: string; link?: string }[] | undefined {
  if (!isRecord(v) || !Array.isArray(v.links)) return undefined;
  return v.links.filter(isRecord).map((l) => ({ ...(str(l.title) ? { title: str(l.title) } : {}), ...(str(l.url) ? { link: str(l.url) } : {}) }));
}

/** The v1.0 status: retired systems are „Buiten gebruik“, else from the measure's status. */
function statusOf(m: Measure, asOf: Day): string | undefined {
  if (isRetired(m, asOf)) return 'Buiten gebruik';
  return m.status ? STATUS_EXPORT[m.status] : undefined;
}

/** One measure → one v1.0 record, with what it lacks. */
export function exportRecord(m: Measure, model: Model, asOf: Day): ExportedRecord {
  const x = isRecord(m.data[X_KEY]) ? (m.data[X_KEY] as Record<string, unknown>) : {};
  const r: Record<string, unknown> = {};
  const put = (field: string, v: unknown) => {
    if (v !== undefined) r[field] = v;
  };
  put('name', str(m.data.title) ?? m.title);
  put('description_short', str(m.data.description));
  put('organization', str(x.organization) ?? model.strategy.organisation);
  put('category', Array.isArray(x.category) ? x.category : undefined);
  put('status', statusOf(m, asOf));
  // The standard wants the month (YYYY-MM): a day is cut to its month, coarser dates stay.
  const month = (v: unknown) => str(v)?.replace(/^(\d{4}-\d{2})-\d{2}$/, '$1');
  put('begin_date', month(raw(m, 'lifecycle', 'in_use_since')));
  put('end_date', month(raw(m, 'lifecycle', 'retired_on')));
  put('contact_email', str(raw(m, 'register', 'contact')));
  put('website', str(raw(m, 'register', 'website')));
  put('publication_category', str(x.publication_category) ?? (m.ai?.risk === 'high' && m.ai.system !== 'algorithm' ? 'Hoog-risico AI-systeem' : undefined));
  put('goal', str(raw(m, 'ai', 'purpose')));
  put('human_intervention', str(raw(m, 'ai', 'human_oversight')));
  put('risks', str(raw(m, 'register', 'risks')));
  put('lawful_basis', textOf(raw(m, 'register', 'legal_basis')));
  put('lawful_basis_grouping', linksOf(raw(m, 'register', 'legal_basis')));
  const assessments = m.register?.impactAssessments.filter((a) => a.title && a.url).map((a) => ({ title: a.title, link: a.url }));
  put('impacttoetsen_grouping', assessments?.length ? assessments : undefined);
  put('source_data', textOf(raw(m, 'register', 'source_data')));
  const sourceData = raw(m, 'register', 'source_data');
  put('source_data_grouping', linksOf(sourceData) ?? (sourceData !== undefined ? [] : undefined));
  put('provider', str(raw(m, 'ai', 'vendor')) ?? str(raw(m, 'register', 'provider')));
  put('lang', 'nld');
  put('standard_version', '1.0');
  put('source_id', str(raw(m, 'register', 'ids', 'source')));
  put('lars', str(raw(m, 'register', 'ids', 'register')));
  for (const field of CARRIED_V1_FIELDS) if (!(field in r) && x[field] !== undefined) r[field] = x[field];

  // What the standard has no field for travels along under one key.
  const extra: Record<string, unknown> = isRecord(x.source) ? { ...x.source } : {};
  const objection = str(raw(m, 'register', 'objection'));
  if (objection !== undefined && !('objection_procedure' in extra)) extra.objection_procedure = objection;
  if (m.owner && !('department' in extra)) extra.department = str(m.data.owner) ?? m.owner;
  if (Object.keys(extra).length) r[X_KEY] = extra;
  return { measure: m.id, file: m.origin.file, record: r, violations: validateV1(r) };
}

/** Every register entry of the repository, in file order. */
export function exportAlgoritmeregister(model: Model, asOf: Day): ExportedRecord[] {
  return model.measures.filter((m) => model.measureById.get(m.id) === m && isRegisterEntry(m, model)).map((m) => exportRecord(m, model, asOf));
}

export interface EuDatabaseEntry {
  measure: string;
  file: string;
  title: string;
  /** Annex VIII Section C, points 1 to 5; only what the repository holds. */
  registration: {
    deployer: string | undefined;
    submitter: string | undefined;
    providerEntryUrl: string | undefined;
    friaSummary: string | undefined;
    dpiaSummary: string | undefined;
  };
  /** Points of Section C the repository does not hold, with the key that would hold them. */
  missing: { point: string; key: string }[];
}

/** Per high-risk system within the AI Act: the deployer's registration data (Annex VIII Section C). */
export function exportEuDatabase(model: Model, asOf: Day): EuDatabaseEntry[] {
  const out: EuDatabaseEntry[] = [];
  for (const m of model.measures) {
    if (model.measureById.get(m.id) !== m || m.ai?.risk !== 'high' || isAnnexIIIPoint2(m.ai) || m.status === 'cancelled' || !withinAiAct(m, model, asOf)) continue;
    const summary = (kind: 'fria' | 'dpia') => m.register?.impactAssessments.find((a) => a.kind === kind && a.summary?.trim())?.summary;
    const missing = missingAnnexViiiItems(m).map((item) => {
      const spec = ANNEX_VIII_C_ITEMS.find((i) => i.item === item)!;
      const key = 'kind' in spec ? `register.impact_assessments[kind: ${spec.kind}].summary` : spec.path.join('.');
      return { point: spec.point, key };
    });
    out.push({
      measure: m.id,
      file: m.origin.file,
      title: m.title,
      registration: {
        deployer: m.register?.deployerContact,
        submitter: m.register?.submitterContact,
        providerEntryUrl: m.register?.ids.euDatabase,
        friaSummary: summary('fria'),
        dpiaSummary: summary('dpia'),
      },
      missing,
    });
  }
  return out;
}
