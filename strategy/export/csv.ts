/**
 * CSV for spreadsheets, made to open correctly in German Excel: UTF-8 with BOM, `;` as separator,
 * decimal comma, ISO dates, CRLF line ends, RFC 4180 quoting, and text cells that a spreadsheet
 * would run as a formula neutralised. Written by hand: no CSV library is among the project's
 * dependencies, and the rules above are a few lines each. Headers and the labels of enum values
 * (status, AI category, risk class, DPIA) come from the message catalogue (strategy/messages).
 */
import type { Lang } from '../types';
import type { ExportDocument, ExportedMeasure } from './model';
import { message, valueLabel, type MessageKey } from '../messages/index';

/** A cell: text (neutralised and quoted as needed), a number, a yes/no value or empty. */
export type Cell = string | number | boolean | null | undefined;

const SEPARATOR = ';';
const EOL = '\r\n';
const BOM = '\uFEFF';

/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Text as a cell: a leading formula character gets a `'` in front, so the cell stays text. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled. */
export function quote(field: string): string {
  return /[";\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Numbers as German Excel reads them: no thousands separator, decimal comma, never exponent
 * notation. Numbers are data the model typed, so they are not neutralised (a negative amount
 * stays a number).
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const plain = Math.abs(n) >= 1e21 || (n !== 0 && Math.abs(n) < 1e-6) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : String(n);
  return plain.replace('.', ',');
}

export function formatCell(cell: Cell, lang: Lang): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatNumber(cell);
  if (typeof cell === 'boolean') return message(lang, cell ? 'value.yes' : 'value.no');
  return quote(neutralise(cell));
}

/** Rows to CSV text (BOM first, CRLF after every row, the last included). */
export function toCsv(rows: Cell[][], lang: Lang): string {
  return BOM + rows.map((r) => r.map((c) => formatCell(c, lang)).join(SEPARATOR) + EOL).join('');
}

interface Column {
  /** The header is the catalogue's `csv.<key>` (strategy/messages). */
  key: CsvColumn;
  /** The cell; an enum value as a `Label`, shown in the CSV's language. */
  value(m: ExportedMeasure): Cell | Label;
}

/** An enum value (status, AI category, risk class, DPIA state) shown by its label in the CSV's language. */
interface Label {
  kind: 'status' | 'aiCategory' | 'aiRisk' | 'dpia';
  value: string | null | undefined;
}

const label = (kind: Label['kind'], value: string | null | undefined): Label => ({ kind, value });

type CsvColumn = { [K in MessageKey]: K extends `csv.${infer C}` ? C : never }[MessageKey];

const list = (items: Array<string | null>, sep: string) => {
  const present = items.filter((x): x is string => Boolean(x));
  return present.length ? present.join(sep) : null;
};

const nextOpenMilestone = (m: ExportedMeasure) =>
  m.milestones
    .filter((ms) => ms.status === 'open' && ms.due)
    .map((ms) => ms.due!)
    .sort()[0] ?? null;

/** The columns of the measures CSV, in order. Lists of ids are joined with ", ", titles and names with "; ". */
export const MEASURE_COLUMNS: readonly Column[] = [
  { key: 'id', value: (m) => m.id },
  { key: 'title', value: (m) => m.title },
  { key: 'status', value: (m) => label('status', m.status) },
  { key: 'field', value: (m) => m.field?.id },
  { key: 'field_title', value: (m) => m.field?.title },
  { key: 'goals', value: (m) => list(m.goals.map((g) => g.id), ', ') },
  { key: 'goal_titles', value: (m) => list(m.goals.map((g) => g.title), '; ') },
  { key: 'owner', value: (m) => m.owner },
  { key: 'start', value: (m) => m.startDate },
  { key: 'end', value: (m) => m.endDate },
  { key: 'ai', value: (m) => m.ai !== null },
  { key: 'ai_category', value: (m) => label('aiCategory', m.ai?.category) },
  { key: 'ai_risk', value: (m) => label('aiRisk', m.ai?.risk) },
  { key: 'personal_data', value: (m) => m.privacy?.personal_data },
  { key: 'dpia', value: (m) => label('dpia', m.privacy?.dpia) },
  { key: 'partners', value: (m) => list(m.partners.map((p) => p.name ?? p.id), '; ') },
  { key: 'programmes', value: (m) => list([...new Set(m.funding.filter((f) => !f.own).map((f) => f.programme ?? f.source))], '; ') },
  { key: 'cost', value: (m) => m.cost?.total },
  { key: 'currency', value: (m) => (m.cost ? m.cost.currency : null) },
  { key: 'funding_granted', value: (m) => m.fundingSums.granted },
  { key: 'funding_applied', value: (m) => m.fundingSums.applied },
  { key: 'funding_planned', value: (m) => m.fundingSums.planned + m.fundingSums.candidate },
  { key: 'own_funds', value: (m) => m.fundingSums.own },
  { key: 'milestones_open', value: (m) => m.milestones.filter((ms) => ms.status === 'open').length },
  { key: 'next_milestone', value: nextOpenMilestone },
  { key: 'errors', value: (m) => m.findings.errors },
  { key: 'warnings', value: (m) => m.findings.warnings },
  { key: 'infos', value: (m) => m.findings.infos },
  { key: 'waived', value: (m) => m.findings.waived },
  { key: 'file', value: (m) => m.file },
];

/** One row per measure, with a header row and enum values in the given language. */
export function measuresCsv(doc: ExportDocument, lang: Lang): string {
  const header = MEASURE_COLUMNS.map((c) => message(lang, `csv.${c.key}`));
  const cell = (v: Cell | Label): Cell => (v !== null && typeof v === 'object' ? (v.value == null ? null : valueLabel(lang, v.kind, v.value)) : v);
  return toCsv([header, ...doc.measures.map((m) => MEASURE_COLUMNS.map((c) => cell(c.value(m))))], lang);
}
