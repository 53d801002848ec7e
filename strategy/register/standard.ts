/**
 * The Dutch Algoritmeregister publication standard v1.0: per field whether it is required, its
 * maximum length and its allowed values (from the official field definitions, `backend/app/schemas/
 * config/v1_0.json` of MinBZK/Algoritmeregister; test/fixtures/algoritmeregister/standard-v1_0.json
 * is a copy, and test/algoritmeregister.test.ts checks that this table matches it).
 */

export interface StandardField {
  type: 'string' | 'enum' | 'array';
  required?: boolean;
  maxLength?: number;
  permitted?: readonly string[];
  /** Fields of the items of an array of {title, link}. */
  items?: Record<string, { required?: boolean; maxLength?: number }>;
}

export const V1_CATEGORIES = [
  'Organisatie en bedrijfsvoering', 'Cultuur en recreatie', 'Economie', 'Overheidsfinanciën', 'Wonen', 'Internationaal', 'Migratie en integratie', 'Natuur en milieu',
  'Onderwijs en wetenschap', 'Openbare orde en veiligheid', 'Recht', 'Ruimte en infrastructuur', 'Sociale zekerheid', 'Verkeer', 'Werk', 'Zorg en gezondheid',
] as const;
export const V1_STATUSES = ['In ontwikkeling', 'In gebruik', 'Buiten gebruik'] as const;
export const V1_PUBLICATION_CATEGORIES = ['Hoog-risico AI-systeem', 'Impactvolle algoritmes', 'Overige algoritmes'] as const;

const text = (maxLength: number, required = false): StandardField => ({ type: 'string', maxLength, required });
const links = (titleMax: number | undefined, required = false): StandardField => ({ type: 'array', required, items: { title: { required: true, maxLength: titleMax }, link: { required: true, maxLength: 500 } } });

// prettier-ignore
export const STANDARD_V1: Record<string, StandardField> = {
  name: text(100, true),
  description_short: text(400, true),
  organization: text(100, true),
  category: { type: 'array', permitted: V1_CATEGORIES },
  status: { type: 'enum', required: true, permitted: V1_STATUSES },
  begin_date: text(7),
  end_date: text(7),
  contact_email: text(500, true),
  website: text(500),
  publication_category: { type: 'enum', required: true, permitted: V1_PUBLICATION_CATEGORIES },
  url: text(500),
  goal: text(2500),
  proportionality: text(2500),
  human_intervention: text(2500),
  risks: text(2500),
  lawful_basis: text(2500),
  lawful_basis_grouping: links(100),
  process_index_url: text(500),
  impacttoetsen_grouping: links(undefined),
  impacttoetsen: text(2500),
  source_data: text(2500),
  // The official definitions say `"required": "false"` (a string): read as not required.
  source_data_grouping: links(500),
  methods_and_models: text(5000),
  provider: text(200),
  publiccode: text(500),
  lang: { type: 'enum', required: true, permitted: ['nld'] },
  standard_version: { type: 'enum', permitted: ['1.0'] },
  source_id: text(100),
  tags: text(2500),
  lars: { type: 'string' },
  publication_dt: { type: 'string' },
};

export interface Violation {
  field: string;
  problem: 'missing' | 'too-long' | 'not-allowed' | 'wrong-type';
  detail?: string;
}

const chars = (s: string) => [...s].length;

/** Violations of a record against standard v1.0 (required, maximum length, allowed values). */
export function validateV1(record: Record<string, unknown>): Violation[] {
  const out: Violation[] = [];
  for (const [field, def] of Object.entries(STANDARD_V1)) {
    const v = record[field];
    if (v === undefined || v === null || v === '') {
      if (def.required) out.push({ field, problem: 'missing' });
      continue;
    }
    if (def.type === 'array') {
      if (!Array.isArray(v)) {
        out.push({ field, problem: 'wrong-type' });
        continue;
      }
      v.forEach((item, i) => {
        if (def.permitted) {
          if (typeof item !== 'string' || !def.permitted.includes(item)) out.push({ field: `${field}[${i}]`, problem: 'not-allowed', detail: String(item) });
          return;
        }
        for (const [k, c] of Object.entries(def.items ?? {})) {
          const x = (item as Record<string, unknown>)?.[k];
          if (typeof x !== 'string' || !x) {
            if (c.required) out.push({ field: `${field}[${i}].${k}`, problem: 'missing' });
          } else if (c.maxLength !== undefined && chars(x) > c.maxLength) out.push({ field: `${field}[${i}].${k}`, problem: 'too-long', detail: `${chars(x)} > ${c.maxLength}` });
        }
      });
      continue;
    }
    if (typeof v !== 'string') {
      out.push({ field, problem: 'wrong-type' });
      continue;
    }
    if (def.permitted && !def.permitted.includes(v)) out.push({ field, problem: 'not-allowed', detail: v });
    if (def.maxLength !== undefined && chars(v) > def.maxLength) out.push({ field, problem: 'too-long', detail: `${chars(v)} > ${def.maxLength}` });
  }
  return out;
}
