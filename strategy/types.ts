/** Shared vocabulary of the core: positions, findings, languages. */

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
  /** Replacement text for the finding's range ("did you mean"), for editors' quick fixes. */
  suggestion?: string;
  /** Set when a waiver of the measure covers this finding. */
  waiver?: { reason: string; until?: string; by?: string };
}

/** A path into a YAML document: keys and sequence indices. */
export type Path = ReadonlyArray<string | number>;
