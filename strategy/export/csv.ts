/**
 * CSV for spreadsheets, made to open correctly in German Excel: UTF-8 with BOM, `;` as separator,
 * decimal comma, ISO dates, CRLF line ends, RFC 4180 quoting, and text cells that a spreadsheet
 * would run as a formula neutralised. Written by hand: no CSV library is among the project's
 * dependencies, and the rules above are a few lines each.
 */
import type { Lang } from '../types';
import type { ExportDocument, ExportedMeasure } from './model';

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
  if (typeof cell === 'boolean') return cell ? (lang === 'de' ? 'ja' : 'yes') : lang === 'de' ? 'nein' : 'no';
  return quote(neutralise(cell));
}

/** Rows to CSV text (BOM first, CRLF after every row, the last included). */
export function toCsv(rows: Cell[][], lang: Lang): string {
  return BOM + rows.map((r) => r.map((c) => formatCell(c, lang)).join(SEPARATOR) + EOL).join('');
}

interface Column {
  key: string;
  de: string;
  en: string;
  value(m: ExportedMeasure): Cell;
}

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
  { key: 'id', de: 'ID', en: 'ID', value: (m) => m.id },
  { key: 'title', de: 'Titel', en: 'Title', value: (m) => m.title },
  { key: 'status', de: 'Status', en: 'Status', value: (m) => m.status },
  { key: 'field', de: 'Handlungsfeld (ID)', en: 'Field (ID)', value: (m) => m.field?.id },
  { key: 'field_title', de: 'Handlungsfeld', en: 'Field', value: (m) => m.field?.title },
  { key: 'goals', de: 'Ziele (IDs)', en: 'Goals (IDs)', value: (m) => list(m.goals.map((g) => g.id), ', ') },
  { key: 'goal_titles', de: 'Ziele', en: 'Goals', value: (m) => list(m.goals.map((g) => g.title), '; ') },
  { key: 'owner', de: 'Verantwortlich', en: 'Owner', value: (m) => m.owner },
  { key: 'start', de: 'Beginn', en: 'Start', value: (m) => m.startDate },
  { key: 'end', de: 'Ende', en: 'End', value: (m) => m.endDate },
  { key: 'ai', de: 'KI-Anwendung', en: 'AI initiative', value: (m) => m.ai !== null },
  { key: 'ai_category', de: 'KI-Kategorie', en: 'AI category', value: (m) => m.ai?.category },
  { key: 'ai_risk', de: 'KI-Risikoklasse', en: 'AI risk class', value: (m) => m.ai?.risk },
  { key: 'personal_data', de: 'Personenbezogene Daten', en: 'Personal data', value: (m) => m.privacy?.personal_data },
  { key: 'dpia', de: 'DSFA', en: 'DPIA', value: (m) => m.privacy?.dpia },
  { key: 'partners', de: 'Partner', en: 'Partners', value: (m) => list(m.partners.map((p) => p.name ?? p.id), '; ') },
  { key: 'programmes', de: 'Förderprogramme', en: 'Funding programmes', value: (m) => list([...new Set(m.funding.filter((f) => !f.own).map((f) => f.programme ?? f.source))], '; ') },
  { key: 'cost', de: 'Kosten', en: 'Cost', value: (m) => m.cost?.total },
  { key: 'currency', de: 'Währung', en: 'Currency', value: (m) => (m.cost ? m.cost.currency : null) },
  { key: 'funding_granted', de: 'Förderung bewilligt', en: 'Funding granted', value: (m) => m.fundingSums.granted },
  { key: 'funding_applied', de: 'Förderung beantragt', en: 'Funding applied for', value: (m) => m.fundingSums.applied },
  { key: 'funding_planned', de: 'Förderung geplant oder geprüft', en: 'Funding planned or considered', value: (m) => m.fundingSums.planned + m.fundingSums.candidate },
  { key: 'own_funds', de: 'Eigenmittel', en: 'Own funds', value: (m) => m.fundingSums.own },
  { key: 'milestones_open', de: 'Offene Meilensteine', en: 'Open milestones', value: (m) => m.milestones.filter((ms) => ms.status === 'open').length },
  { key: 'next_milestone', de: 'Nächster Meilenstein', en: 'Next milestone', value: nextOpenMilestone },
  { key: 'errors', de: 'Fehler', en: 'Errors', value: (m) => m.findings.errors },
  { key: 'warnings', de: 'Warnungen', en: 'Warnings', value: (m) => m.findings.warnings },
  { key: 'infos', de: 'Hinweise', en: 'Infos', value: (m) => m.findings.infos },
  { key: 'waived', de: 'Ausnahmen', en: 'Waived', value: (m) => m.findings.waived },
  { key: 'file', de: 'Datei', en: 'File', value: (m) => m.file },
];

/** One row per measure, with a header row in the given language. */
export function measuresCsv(doc: ExportDocument, lang: Lang): string {
  const header = MEASURE_COLUMNS.map((c) => c[lang]);
  return toCsv([header, ...doc.measures.map((m) => MEASURE_COLUMNS.map((c) => c.value(m)))], lang);
}
