/**
 * What a value written the everyday way means in the format the tool reads: German dates
 * (`15.03.2026` → `2026-03-15`), months without a leading zero (`2027-3` → `2027-03`), ids with
 * umlauts (`KI-BÜRGERBÜRO` → `KI-BUERGERBUERO`). Used for fixes (see strategy/fix.ts).
 */
import { parseDateSpan } from './dates';

const pad = (n: string) => n.padStart(2, '0');

/** The date in `YYYY-MM-DD`, `YYYY-MM` or `YYYY-Qn`, if `value` is an unambiguous other spelling of one that exists. */
export function isoDate(value: string): string | undefined {
  const v = value.trim();
  let m: RegExpExecArray | null;
  let out: string | undefined;
  if ((m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(v))) out = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  else if ((m = /^(\d{1,2})\.\s?(\d{4})$/.exec(v)) || (m = /^(\d{1,2})\/(\d{4})$/.exec(v))) out = `${m[2]}-${pad(m[1])}`;
  else if ((m = /^(\d{4})-(\d{1,2})$/.exec(v))) out = `${m[1]}-${pad(m[2])}`;
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v))) out = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  else if ((m = /^(\d{4})[-/ ]?q([1-4])$/i.exec(v)) || (m = /^q([1-4])[-/ ]?(\d{4})$/i.exec(v))) out = /^\d{4}$/.test(m[1]) ? `${m[1]}-Q${m[2]}` : `${m[2]}-Q${m[1]}`;
  return out && out !== v && parseDateSpan(out) ? out : undefined;
}

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'AE', Ö: 'OE', Ü: 'UE', ẞ: 'SS' };

/**
 * An id with only A–Z, a–z, digits, `_` and `-`: German umlauts and ß spelled out (in capitals
 * where the id has no small letters, `Ue` before small letters), other accents dropped, spaces
 * as `-`. Undefined if that leaves no valid id.
 */
export function asciiId(value: string): string | undefined {
  const upper = !/[a-zäöüß]/.test(value);
  let out = '';
  const chars = [...value.trim()];
  chars.forEach((c, i) => {
    const g = GERMAN[c];
    if (g) out += upper || c === c.toLowerCase() ? (upper ? g.toUpperCase() : g) : /[a-zäöüß]/.test(chars[i + 1] ?? '') ? g[0] + g.slice(1).toLowerCase() : g;
    else if (/\s/.test(c)) out += '-';
    else out += c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  });
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(out) && out !== value ? out : undefined;
}
