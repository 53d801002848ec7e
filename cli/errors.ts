import { MessageError, isMessageKey, type Localized, type MessageData, type MessageKey } from '../strategy/index';

/**
 * An error that is the user's to fix: printed as one line in the user's language, exit code 2.
 * Give a catalogue key (strategy/messages/de.ts, en.ts) and its data, or both texts `{ de, en }`.
 */
export class UsageError extends MessageError {
  constructor(key: MessageKey, data?: MessageData, options?: { cause?: unknown });
  constructor(text: Localized, data?: MessageData, options?: { cause?: unknown });
  /** @deprecated One language only: shown as written whatever `--lang` says. Use a catalogue key. */
  constructor(untranslated: string);
  constructor(what: string | Localized, data?: MessageData, options?: { cause?: unknown }) {
    if (typeof what === 'string' && !isKey(what)) super({ de: what, en: what });
    else super(what as MessageKey, data, options);
  }
}

const isKey = (s: string): s is MessageKey => isMessageKey(s);
