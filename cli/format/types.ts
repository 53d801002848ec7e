import { shorten, type Finding, type Lang, type LintResult, type SeveritySetting } from '../../strategy/index';

/** A measure id as an output shows it: shortened like values in messages (a 1.5 MB id is legal YAML). */
export const shownId = (id: string): string => shorten(id);
/** A waiver's reason or author as an output shows it. */
export const shownText = (text: string): string => shorten(text, 500);

/**
 * What a formatter reads of a lint: the findings and a few counts, nothing else of the model – so
 * a formatter is a function from this to text, and tests construct it by hand
 * (test/formatters.test.ts). `formatResult` makes it from a lint result.
 */
export interface FormatResult {
  /** Reported findings (sorted by file and position, as the lint returns them). */
  findings: readonly Finding[];
  /** Findings a waiver covers (each with `waiver`). */
  waived: readonly Finding[];
  asOf: string;
  lang: Lang;
  /** The files read, relative to the root, with `/` (JUnit: one test case each). */
  files: readonly string[];
  measureCount: number;
  /** `lint.rules` of strategy.yaml (SARIF: each rule's configured level). */
  configuredRules: Readonly<Record<string, SeveritySetting>>;
}

export function formatResult(result: LintResult): FormatResult {
  const { model } = result;
  return { findings: result.findings, waived: result.waived, asOf: result.asOf, lang: result.lang, files: model.files, measureCount: model.measures.length, configuredRules: model.strategy.lint.rules };
}

export interface FormatContext {
  result: FormatResult;
  /** Absolute root folder (SARIF needs a URI base). */
  root: string;
  /** Root as given/shown to the user (JSON `root`). */
  rootLabel: string;
  color: boolean;
  quiet: boolean;
}

export type Formatter = (ctx: FormatContext) => string;
