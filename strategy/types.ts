/** Shared vocabulary of the core: positions, findings, languages. */
import type { Fix } from './fix';
import type { MessageData } from './rules/rule';

export type Lang = 'de' | 'en';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** 1-based line and column, as editors and CI systems show them. `offset` is 0-based in the decoded text. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Localized {
  de: string;
  en: string;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: Localized;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Path relative to the repository root, with `/`. */
  file: string;
  range: Range;
  message: Localized;
  measure?: string;
  related?: RelatedLocation[];
  /** Replacement text for the finding's range ("did you mean"); also offered as an unsafe fix in `fixes`. */
  suggestion?: string;
  /** The key of the message in the rule's `messages` (for tests and tools; the text is `message`). */
  messageId?: string;
  /** The values filled into the message's placeholders. */
  data?: MessageData;
  /** Text edits that resolve the finding (see strategy/fix.ts); safe ones are applied by `lint --fix`. */
  fixes?: Fix[];
  /** Set when a waiver of the measure covers this finding. */
  waiver?: { reason: string; until?: string; by?: string };
}

/** A path into a YAML document: keys and sequence indices. */
export type Path = ReadonlyArray<string | number>;
