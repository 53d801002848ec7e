/** Defensive readers: the schema rule reports wrong types; the model keeps only values of the right type. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
export const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/**
 * A character a reader can see: not white space, not a control character, not an invisible format
 * character (soft hyphen, zero-width and direction marks, line and paragraph separators). A text
 * without one reads as empty – a report titled with it would have a blank title (found by
 * test/property-cli.test.ts: a title of U+0085). The JSON schemas require it for every text that
 * must not be empty (scripts/gen-schemas.mjs), so it is written once, here.
 */
export const VISIBLE_TEXT_PATTERN = '[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff]';
const VISIBLE = new RegExp(VISIBLE_TEXT_PATTERN);
/** A text with at least one visible character, else undefined (nothing was stated). */
export const visibleText = (v: unknown): string | undefined => (typeof v === 'string' && VISIBLE.test(v) ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export function oneOf<T extends string>(v: unknown, values: readonly T[]): T | undefined {
  return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}
/** Dates may be written unquoted as a year (`2026`), which YAML reads as a number. */
export const dateStr = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isInteger(v) ? String(v) : undefined);
