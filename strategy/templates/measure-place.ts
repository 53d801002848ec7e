import { slugify } from './slug';
import type { Model } from '../model/types';

/**
 * Where a new measure goes and what it is called, following the repository's own habits (the
 * extension's "New Measure"; docs/vscode.md): ids start with the prefix the measures of the
 * field (or its AI initiatives) use, e.g. `KI-` or `VW-`, and leave out short filler words;
 * the file goes into the folder where the field's measures are, e.g. `measures/verwaltung/`.
 */

/** Words an id leaves out (German and English articles, prepositions, conjunctions). */
const FILLER = new Set(
  'der die das des dem den ein eine einer eines einem einen und oder mit ohne fuer von vom zu zum zur im in am an auf aus bei nach ueber unter vor durch gegen als fuer the a an and or of for with to in on at by from via'.split(' '),
);

/** Longest id part after the prefix, cut at a whole word. */
const MAX_ID_WORDS_LENGTH = 36;

function firstSegment(id: string): string | undefined {
  const i = id.indexOf('-');
  return i > 0 ? id.slice(0, i).toUpperCase() : undefined;
}

function mostFrequent(values: Array<string | undefined>): { value: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: { value: string; count: number } | undefined;
  for (const [value, count] of counts) if (!best || count > best.count) best = { value, count };
  return best;
}

/**
 * The id prefix for a new measure: what most measures of the field (for an AI initiative: most
 * AI initiatives, in the field or else anywhere) start with; else the field id's first two
 * letters; undefined without a field.
 */
export function idPrefix(model: Model, field: string | undefined, ai: boolean): string | undefined {
  const inField = model.measures.filter((m) => field !== undefined && m.field?.id === field);
  const pools = ai ? [inField.filter((m) => m.ai), model.measures.filter((m) => m.ai), inField] : [inField.filter((m) => !m.ai), inField];
  for (const pool of pools) {
    const best = mostFrequent(pool.map((m) => firstSegment(m.id)));
    if (best && best.count >= 2 && best.count * 2 >= pool.length) return best.value;
  }
  const letters = field ? slugify(field).replace(/[^a-z]/g, '').slice(0, 2).toUpperCase() : '';
  return letters.length === 2 ? letters : undefined;
}

/**
 * A measure id from a title: the prefix, then the title's words without filler words, cut at a
 * whole word (`KI-Sitzungsprotokolle mit Spracherkennung` in an AI field → `KI-SITZUNGSPROTOKOLLE-SPRACHERKENNUNG`).
 */
export function deriveMeasureId(title: string, prefix: string | undefined): string {
  // The prefix is not repeated (`KI-Chatbot` with prefix KI → `KI-CHATBOT`, not `KI-KI-CHATBOT`).
  const words = slugify(title, Infinity).split('-').filter((w) => w && !FILLER.has(w) && w.toUpperCase() !== prefix);
  let body = '';
  for (const w of words) {
    const next = body ? `${body}-${w}` : w;
    if (next.length > MAX_ID_WORDS_LENGTH && body) break;
    body = next;
  }
  body = body.toUpperCase();
  const id = prefix ? (body ? `${prefix}-${body}` : prefix) : body;
  return !id ? '' : /^[A-Z]/.test(id) ? id : `M-${id}`;
}

/** The id made unique with `-2`, `-3` … (compared case-insensitively). */
export function uniqueId(base: string, existing: Map<string, string>): string {
  if (!base || !existing.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!existing.has(`${base}-${n}`.toLowerCase())) return `${base}-${n}`;
}

/**
 * The folder for a new measure of `field`: the folder holding most of the field's measures;
 * else `<base>/<field>` when the other fields' measures live in folders named after their field;
 * else undefined (the caller's default folder).
 */
export function measureFolder(model: Model, field: string | undefined): string | undefined {
  if (!field) return undefined;
  const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');
  const own = mostFrequent(model.measures.filter((m) => m.field?.id === field).map((m) => folderOf(m.origin.file) || undefined));
  if (own) return own.value;
  const named = model.measures.filter((m) => m.field && folderOf(m.origin.file).endsWith(`/${m.field.id}`));
  if (named.length * 2 < model.measures.length || !named.length) return undefined;
  const parent = mostFrequent(named.map((m) => folderOf(folderOf(m.origin.file))));
  return parent ? `${parent.value}/${slugify(field, Infinity)}` : undefined;
}
