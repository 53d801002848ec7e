/**
 * Algoritmeregister records (standards 0.1 to 1.0) → measures of a register repository. Every
 * field is kept: mapped to a first-class key, or under `x-algoritmeregister` (v1.0 fields without
 * a key of their own) and `x-algoritmeregister.source` (everything else, and the original of every
 * value a table changed), which `exportAlgoritmeregister` writes back. Guesses are listed in
 * `x-import.guesses` of the measure.
 */
import { isRecord } from '../model/coerce';
import { CATEGORY_IMPORT, STATUS_IMPORT, TYPE_IMPORT, assessmentKind, themeList } from './mapping';
import { V1_CATEGORIES } from './standard';
import { idFromTitle } from '../templates/slug';

export const X_KEY = 'x-algoritmeregister';
/** v1.0 fields that have no first-class key: kept under `x-algoritmeregister` and exported as they are. */
export const CARRIED_V1_FIELDS = ['organization', 'category', 'publication_category', 'url', 'proportionality', 'process_index_url', 'impacttoetsen', 'methods_and_models', 'publiccode', 'tags', 'publication_dt'] as const;

export interface ImportedMeasure {
  id: string;
  data: Record<string, unknown>;
  guesses: string[];
}

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const DATE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** The organisation most records name: the register repository's `organisation`. */
export function mainOrganisation(records: readonly Record<string, unknown>[]): string | undefined {
  const count = new Map<string, number>();
  for (const r of records) if (isText(r.organization)) count.set(r.organization, (count.get(r.organization) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function links(v: unknown): { list: { title?: string; url?: string }[]; exact: boolean } | undefined {
  if (!Array.isArray(v) || !v.length) return undefined;
  let exact = true;
  const list = v.map((item) => {
    if (!isRecord(item)) {
      exact = false;
      return {};
    }
    if (Object.keys(item).some((k) => k !== 'title' && k !== 'link') || (item.title !== undefined && typeof item.title !== 'string') || (item.link !== undefined && typeof item.link !== 'string')) exact = false;
    const l: { title?: string; url?: string } = {};
    if (isText(item.title)) l.title = item.title;
    if (isText(item.link)) l.url = item.link;
    return l;
  });
  return { list, exact };
}

/**
 * One record → one measure. `organisation` is the repository's; `taken` holds the ids already
 * used (the new id is added).
 */
export function importRecord(record: Record<string, unknown>, organisation: string | undefined, taken: Set<string>): ImportedMeasure {
  const guesses: string[] = [];
  const source: Record<string, unknown> = {};
  const carried: Record<string, unknown> = {};
  const used = new Set<string>();
  const keep = (field: string) => {
    used.add(field);
    source[field] = record[field];
  };
  const take = (field: string): string | undefined => {
    const v = record[field];
    if (v === null || v === undefined || v === '') {
      used.add(field);
      return undefined;
    }
    if (typeof v === 'string') {
      used.add(field);
      return v;
    }
    keep(field);
    return undefined;
  };

  // Name → title, and the id.
  let title = take('name');
  if (!title?.trim()) {
    title = `Algoritme ${taken.size + 1}`;
    guesses.push(`title: „${title}“ (the record has no name)`);
  }
  let base = idFromTitle(title) || 'ALGORITME';
  if (base.length > 40) base = base.slice(0, 40).replace(/-+$/, '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);

  const measure: Record<string, unknown> = { id, title };
  const description = take('description_short');
  if (description !== undefined) measure.description = description;

  // Status.
  const status = record.status;
  used.add('status');
  if (isText(status) && STATUS_IMPORT[status]) {
    measure.status = STATUS_IMPORT[status];
    if (!['In ontwikkeling', 'In gebruik', 'Buiten gebruik'].includes(status)) source.status = status;
  } else {
    measure.status = 'planned';
    if (status !== null && status !== undefined) source.status = status;
    guesses.push(`status: planned (the record's status ${status == null ? 'is not stated' : `„${String(status)}“ is not in the mapping table`})`);
  }

  const department = take('department');
  if (department !== undefined) measure.owner = department;

  // Lifecycle.
  const lifecycle: Record<string, unknown> = {};
  for (const [field, key] of [['begin_date', 'in_use_since'], ['end_date', 'retired_on']] as const) {
    const v = record[field];
    if (v === null || v === undefined || v === '') {
      used.add(field);
      continue;
    }
    if (typeof v === 'string' && DATE.test(v)) {
      used.add(field);
      lifecycle[key] = v;
    } else keep(field);
  }

  // The AI block.
  const ai: Record<string, unknown> = { category: 'other' };
  guesses.push('ai.category: other (the register has no such field)');
  const type = record.type;
  if (type !== null && type !== undefined) keep('type');
  else used.add('type');
  let system: 'ai-system' | 'algorithm';
  if (isText(type) && TYPE_IMPORT[type]) system = TYPE_IMPORT[type];
  else if (isText(type)) {
    system = /zelflerend|machine learning|self-learning|neur/i.test(type) ? 'ai-system' : 'algorithm';
    guesses.push(`ai.system: ${system} (from the free text in „type“)`);
  } else {
    system = 'algorithm';
    guesses.push('ai.system: algorithm (the record does not say whether it is self-learning)');
  }
  const publicationCategory = record.publication_category;
  if (system === 'ai-system') ai.risk = publicationCategory === 'Hoog-risico AI-systeem' ? 'high' : 'unclassified';
  else if (publicationCategory === 'Hoog-risico AI-systeem') {
    system = 'ai-system';
    ai.risk = 'high';
  }
  ai.system = system;
  const goal = take('goal');
  if (goal !== undefined) ai.purpose = goal;
  const human = take('human_intervention');
  if (human !== undefined) ai.human_oversight = human;
  const provider = take('provider');
  if (provider !== undefined) ai.vendor = provider;
  measure.ai = ai;
  if (Object.keys(lifecycle).length) measure.lifecycle = lifecycle;

  // The register block.
  const register: Record<string, unknown> = {};
  const set = (key: string, field: string) => {
    const v = take(field);
    if (v !== undefined) register[key] = v;
  };
  set('contact', 'contact_email');
  set('website', 'website');
  const lawful = take('lawful_basis');
  const lawfulLinks = links(record.lawful_basis_grouping);
  used.add('lawful_basis_grouping');
  if (lawfulLinks && !lawfulLinks.exact) keep('lawful_basis_grouping');
  if (lawfulLinks) register.legal_basis = { ...(lawful !== undefined ? { text: lawful } : {}), links: lawfulLinks.list };
  else if (lawful !== undefined) register.legal_basis = lawful;

  const assessments: Record<string, unknown>[] = [];
  const grouping = links(record.impacttoetsen_grouping);
  used.add('impacttoetsen_grouping');
  if (grouping) {
    if (!grouping.exact) keep('impacttoetsen_grouping');
    for (const l of grouping.list) assessments.push({ kind: assessmentKind(l.title ?? ''), ...(l.title ? { title: l.title } : {}), ...(l.url ? { url: l.url } : {}) });
  }
  if (Array.isArray(record.impacttoetsen)) {
    // v0.4: a list of names, without links.
    keep('impacttoetsen');
    for (const t of record.impacttoetsen) if (isText(t)) assessments.push({ kind: assessmentKind(t), title: t });
  }
  for (const [flag, summary, kind, name] of [['iama', 'iama_description', 'fria', 'IAMA'], ['dpia', 'dpia_description', 'dpia', 'DPIA']] as const) {
    if (record[flag] === 'Ja') assessments.push({ kind, title: name, ...(isText(record[summary]) ? { summary: record[summary] } : {}) });
  }
  if (assessments.length) register.impact_assessments = assessments;

  const sourceData = take('source_data');
  const sourceLinks = links(record.source_data_grouping);
  used.add('source_data_grouping');
  if (sourceLinks && !sourceLinks.exact) keep('source_data_grouping');
  if (sourceLinks) register.source_data = { ...(sourceData !== undefined ? { text: sourceData } : {}), links: sourceLinks.list };
  else if (sourceData !== undefined) register.source_data = sourceData;
  set('risks', 'risks');
  set('objection', 'objection_procedure');
  const ids: Record<string, unknown> = {};
  const lars = take('lars');
  if (lars !== undefined) ids.register = lars;
  const sourceId = take('source_id');
  if (sourceId !== undefined) ids.source = sourceId;
  if (Object.keys(ids).length) register.ids = ids;
  measure.register = register;

  // v1.0 fields without a key of their own.
  for (const field of CARRIED_V1_FIELDS) {
    const v = record[field];
    used.add(field);
    if (v === null || v === undefined || v === '') continue;
    if (field === 'organization') {
      if (v !== organisation) carried.organization = v;
      continue;
    }
    if (field === 'category') {
      const themes = themeList(v);
      const mapped: string[] = [];
      for (const t of themes ?? []) {
        if ((V1_CATEGORIES as readonly string[]).includes(t)) mapped.push(t);
        else if (CATEGORY_IMPORT[t]) {
          mapped.push(CATEGORY_IMPORT[t].to);
          if (CATEGORY_IMPORT[t].guess) guesses.push(`category: „${t}“ → „${CATEGORY_IMPORT[t].to}“`);
        } else guesses.push(`category: „${t}“ is not a theme of standard 1.0 and is not exported as one`);
      }
      if (mapped.length) carried.category = mapped;
      if (!Array.isArray(v) || mapped.length !== v.length || mapped.some((m, i) => m !== v[i])) source.category = v;
      continue;
    }
    if (field === 'impacttoetsen' && Array.isArray(v)) continue; // v0.4 list, handled above
    if (field === 'publication_category' && typeof v === 'string') {
      carried.publication_category = v;
      continue;
    }
    if (typeof v === 'string') carried[field] = v;
    else source[field] = v;
  }
  if (record.lang === 'nld') used.add('lang');
  if (record.standard_version === '1.0') used.add('standard_version');

  // Everything else, as written.
  for (const [field, v] of Object.entries(record)) {
    if (used.has(field) || v === null || v === undefined) continue;
    source[field] = v;
  }
  const x: Record<string, unknown> = { ...carried };
  if (Object.keys(source).length) x.source = source;
  if (Object.keys(x).length) measure[X_KEY] = x;
  if (guesses.length) measure['x-import'] = { from: 'algoritmeregister', guesses };
  return { id, data: measure, guesses };
}
