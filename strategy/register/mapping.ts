/**
 * Mapping tables between Algoritmeregister records (standards 0.1 to 1.0) and measures. Documented
 * in docs/register.md; every value a table does not know is kept as written and marked as a guess.
 */
import type { ImpactAssessmentKind, MeasureStatus } from '../model/types';
import { V1_CATEGORIES, V1_STATUSES } from './standard';

/** Register status → measure status. Older standards used other words. */
export const STATUS_IMPORT: Record<string, MeasureStatus> = {
  'In ontwikkeling': 'planned',
  'In gebruik': 'active',
  Actief: 'active',
  'In productie': 'active',
  'Buiten gebruik': 'completed',
  Gestopt: 'completed',
};

/** Measure status → v1.0 status (a retired system is „Buiten gebruik“ whatever its status). */
export const STATUS_EXPORT: Record<MeasureStatus, (typeof V1_STATUSES)[number]> = {
  idea: 'In ontwikkeling',
  planned: 'In ontwikkeling',
  pilot: 'In gebruik',
  active: 'In gebruik',
  paused: 'In gebruik',
  completed: 'Buiten gebruik',
  cancelled: 'Buiten gebruik',
};

/**
 * Themes of older standards (and values seen in published records) → v1.0 themes. `guess: true`
 * where the old theme has no exact successor.
 */
export const CATEGORY_IMPORT: Record<string, { to: (typeof V1_CATEGORIES)[number]; guess?: boolean }> = {
  Financiën: { to: 'Overheidsfinanciën' },
  Huisvesting: { to: 'Wonen' },
  Dienstverlening: { to: 'Organisatie en bedrijfsvoering', guess: true },
  Bestuur: { to: 'Organisatie en bedrijfsvoering', guess: true },
  Bedrijfsvoering: { to: 'Organisatie en bedrijfsvoering', guess: true },
  Landbouw: { to: 'Natuur en milieu', guess: true },
  'Fysiek domein': { to: 'Ruimte en infrastructuur', guess: true },
};

/** The `type` field („(Zelf)lerend“): rule-based algorithms are not AI systems under the AI Act. */
export const TYPE_IMPORT: Record<string, 'ai-system' | 'algorithm'> = {
  'Op regels gebaseerd': 'algorithm',
  Nee: 'algorithm',
  Zelflerend: 'ai-system',
  Ja: 'ai-system',
};

/** The kind of an impact assessment from its published name. */
export function assessmentKind(title: string): ImpactAssessmentKind {
  const t = title.toLowerCase();
  if (/dpia|data protection|privacy|gegevensbescherming|dsfa/.test(t)) return 'dpia';
  if (/iama|fraia|mensenrechten|fundamental|grundrecht|fria/.test(t)) return 'fria';
  if (/ethi|deda|uthiek|z-inspection/.test(t)) return 'ethics';
  return 'other';
}

/** Themes as written: a list, a single theme, or a PostgreSQL array literal (`{"A","B"}`). */
export function themeList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const m = /^\{(.*)\}$/s.exec(v.trim());
  if (!m) return [v.trim()];
  return m[1].split(',').map((s) => s.trim().replace(/^"(.*)"$/s, '$1')).filter(Boolean);
}
