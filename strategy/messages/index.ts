/**
 * One message catalogue per language and one fill function (docs/architecture.md, "Adding a
 * language / a message"). `message(lang, key, data)` is how the core, the CLI and the extension
 * get a text; rule modules keep their own German and English templates next to their check and
 * fill them with the same `fill`.
 */
import type { Lang, Localized } from '../types';
import { de, type Messages } from './de';
import { en } from './en';
import { fill, type MessageData } from './fill';

export * from './fill';
export type { Messages } from './de';

export type MessageKey = keyof Messages;

export const CATALOGUES: Readonly<Record<Lang, Messages>> = { de, en };

/**
 * Longest value a catalogue message inserts: the command line's messages name paths, which must
 * show whole (4096 is Linux's PATH_MAX), yet a hostile value cannot flood a terminal. Findings
 * shorten their values to `MAX_PLACEHOLDER` (80).
 */
export const MAX_MESSAGE_VALUE = 4096;

/** The text of `key` in `lang`, placeholders filled from `data`. */
export function message(lang: Lang, key: MessageKey, data?: MessageData): string {
  return fill(CATALOGUES[lang][key], data, { max: MAX_MESSAGE_VALUE, lang });
}

/** The text of `key` in both languages (for findings and other results shown in either). */
export function localized(key: MessageKey, data?: MessageData): Localized {
  return { de: message('de', key, data), en: message('en', key, data) };
}

/** `key` if the catalogue has it (for keys built from data, e.g. `status.${value}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key);
}

/** The label of an enum value (`status.active` → „in Betrieb“); a value the catalogue does not know is shown as written. */
export function valueLabel(lang: Lang, kind: 'status' | 'aiCategory' | 'aiRisk' | 'dpia' | 'category' | 'severity', value: string): string {
  const key = `${kind}.${value}`;
  return isMessageKey(key) ? message(lang, key) : value;
}

const BRAND = Symbol.for('digital-strategy-roadmap.MessageError');

/**
 * An error whose text comes from the catalogue: thrown by the core and the CLI where the
 * language is not known yet, and printed in the user's language by whoever catches it. Its
 * `message` is the English text (for logs and stack traces). Test with `isMessageError`, not
 * `instanceof`: the CLI's commands are bundled apart, each with its own copy of this class.
 */
export class MessageError extends Error {
  readonly [BRAND] = true;
  /** The catalogue key, when the text comes from the catalogue. */
  readonly key?: MessageKey;
  readonly data: MessageData;
  private readonly texts: Localized;

  /** From the catalogue: `new MessageError('cli.root.notFound', { dir })`. */
  constructor(key: MessageKey, data?: MessageData, options?: { cause?: unknown });
  /** Both languages written out (prefer a catalogue key: it is checked and reused). */
  constructor(text: Localized, data?: MessageData, options?: { cause?: unknown });
  constructor(what: MessageKey | Localized, data: MessageData = {}, options?: { cause?: unknown }) {
    const texts = typeof what === 'string' ? localized(what, data) : { de: fill(what.de, data, { max: MAX_MESSAGE_VALUE, lang: 'de' }), en: fill(what.en, data, { max: MAX_MESSAGE_VALUE, lang: 'en' }) };
    super(texts.en, options);
    if (typeof what === 'string') this.key = what;
    this.data = data;
    this.texts = texts;
  }

  text(lang: Lang): string {
    return this.texts[lang];
  }
}

export function isMessageError(e: unknown): e is MessageError {
  return typeof e === 'object' && e !== null && (e as { [BRAND]?: boolean })[BRAND] === true;
}
