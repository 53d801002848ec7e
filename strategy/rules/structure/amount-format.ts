import type { Rule } from '../rule';
import { isRecord } from '../../model/coerce';
import type { Path } from '../../types';

/** `150.000`, `1.250.000`, `150.000,50`: digits grouped by dots, as German texts write amounts. */
const GERMAN_THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

export const amountFormat: Rule = {
  id: 'amount-format',
  category: 'structure',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Betrag mit deutschem Tausenderpunkt (YAML liest `150.000` als 150) oder Betrag ≤ 0.',
    en: 'Amount written with a German thousands separator (YAML reads `150.000` as 150), or an amount ≤ 0.',
  },
  messages: {
    thousands: { de: '„{text}“ wird als {value} gelesen (der Punkt ist in YAML ein Dezimalpunkt): ohne Tausenderpunkt schreiben, also {suggestion}', en: '"{text}" is read as {value} (in YAML the dot is a decimal point): write it without thousands separators, i.e. {suggestion}' },
    thousandsText: { de: '„{text}“ ist keine Zahl: als Zahl ohne Tausenderpunkte schreiben (Dezimalpunkt statt Komma), also {suggestion}', en: '"{text}" is not a number: write a number without thousands separators (decimal point, not comma), i.e. {suggestion}' },
    notPositive: { de: 'Betrag {value} ist nicht größer als 0: den geplanten Betrag in Euro angeben oder den Eintrag entfernen', en: 'Amount {value} is not greater than 0: give the planned amount in euros or remove the entry' },
  },
  check({ measure: m, report }) {
    const amounts: Path[] = [];
    const cost = m.data.cost;
    if (isRecord(cost)) amounts.push(['cost', 'total'], ['cost', 'per_year']);
    else amounts.push(['cost']);
    if (Array.isArray(m.data.funding)) m.data.funding.forEach((_, i) => amounts.push(['funding', i, 'amount']));

    for (const path of amounts) {
      const value = valueAt(m.data, path);
      if (typeof value !== 'number' && typeof value !== 'string') continue;
      // The value as written: YAML has already turned `150.000` into 150. A number of 1,000 or more
      // cannot have been written so (one group of three digits reads as less than 1,000), and asking
      // for the text as written costs the file's node positions (strategy/parse/yaml.ts): not asked.
      const text = typeof value === 'number' && Math.abs(value) >= 1000 ? String(value) : unquote((m.origin.source.rawText(path, m.origin.node) ?? '').trim());
      if (GERMAN_THOUSANDS.test(text)) {
        const suggestion = text.replace(/\./g, '').replace(',', '.');
        // An error by default: 45.000 read as 45 € would reach the council's papers.
        report({ message: typeof value === 'number' ? 'thousands' : 'thousandsText', at: path, data: { text, value: String(value), suggestion }, level: 'error', fix: { replacement: suggestion, safe: true } });
      } else if (typeof value === 'number' && value <= 0) {
        report({ message: 'notPositive', at: path, data: { value: String(value) } });
      }
    }
  },
};

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}
