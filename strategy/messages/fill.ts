/**
 * The one fill function of the project: `{name}` placeholders in a message template are filled
 * from a report's data. Rule messages, the catalogue (strategy/messages/de.ts, en.ts), reports,
 * formatters, CSV and the extension all fill their templates here.
 */
import type { Lang, Localized } from '../types';

/** Longest text one placeholder inserts into a message (see `shorten`). */
export const MAX_PLACEHOLDER = 80;
/** Most items a list placeholder shows: longer lists show their first items, „…“ and their last item. */
export const MAX_LIST_ITEMS = 10;

/** A placeholder that lists several values (ids, files); each item is shortened on its own. */
export interface MessageList {
  list: readonly string[];
  /** Between two items; `, ` unless given. */
  separator?: string;
}

/** A value that is itself worded per language (e.g. „eine Zahl“ / "a number"). */
export type LocalizedValue = Readonly<Localized>;

export type MessageValue = string | number | MessageList | LocalizedValue;
export type MessageData = Readonly<Record<string, MessageValue>>;

/**
 * `text` if it has at most `max` UTF-16 code units, else its beginning and „…“ (`max` in all),
 * never ending in half of a surrogate pair. Messages quote ids, titles and values from the file:
 * a 2 MB value must not become a 2 MB message in every output and CI annotation.
 */
export function shorten(text: string, max = MAX_PLACEHOLDER): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut) + '…';
}

function placeholderText(value: MessageValue, max: number, lang: Lang): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return shorten(value, max);
  if (!('list' in value)) return shorten(value[lang], max);
  let items = value.list.map((item) => shorten(item, max));
  if (items.length > MAX_LIST_ITEMS) items = [...items.slice(0, MAX_LIST_ITEMS - 2), '…', items[items.length - 1]];
  return items.join(value.separator ?? ', ');
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{name}` placeholders of one template from `data`. Only the data's own properties count
 * (`{constructor}` stays as written, whatever the prototype holds); a placeholder without data
 * stays visible. Every inserted value is shortened to `max` (`shorten`, lists item by item and to
 * `MAX_LIST_ITEMS`), so a message stays short whatever the file holds; the data itself (e.g. a
 * `suggestion` offered as a quick fix) is left whole. Documents (reports) pass `max = Infinity`:
 * a council report prints a title in full.
 */
export function fill(template: string, data: MessageData = {}, options: FillOptions = {}): string {
  if (!template.includes('{')) return template;
  const max = options.max ?? MAX_PLACEHOLDER;
  const lang = options.lang ?? 'en';
  return template.replace(PLACEHOLDER, (m, k: string) => (Object.hasOwn(data, k) ? placeholderText(data[k], max, lang) : m));
}

export interface FillOptions {
  /** Longest text one value inserts (default `MAX_PLACEHOLDER`). */
  max?: number;
  /** Which text of a `LocalizedValue` to insert (default `en`; `message()` passes its language). */
  lang?: Lang;
}

/** Fills a template in both languages (rule messages carry both: findings are shown in either). */
export function formatMessage(template: Localized, data: MessageData = {}): Localized {
  // Each value is shortened once for both languages: a lint of a large repository fills many messages.
  const texts = new Map<string, string>();
  const valueOf = (k: string, lang: Lang) => {
    const v = data[k];
    if (typeof v === 'object' && !('list' in v)) return placeholderText(v, MAX_PLACEHOLDER, lang);
    let t = texts.get(k);
    if (t === undefined) texts.set(k, (t = placeholderText(v, MAX_PLACEHOLDER, lang)));
    return t;
  };
  const one = (s: string, lang: Lang) => (s.includes('{') ? s.replace(PLACEHOLDER, (m, k: string) => (Object.hasOwn(data, k) ? valueOf(k, lang) : m)) : s);
  return { de: one(template.de, 'de'), en: one(template.en, 'en') };
}

/** The placeholder names of a template, for the catalogue test (both languages use the same). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}
