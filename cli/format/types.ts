import { shorten, type LintResult } from '../../strategy/index';

/** A measure id as an output shows it: shortened like values in messages (a 1.5 MB id is legal YAML). */
export const shownId = (id: string): string => shorten(id);
/** A waiver's reason or author as an output shows it. */
export const shownText = (text: string): string => shorten(text, 500);

export interface FormatContext {
  result: LintResult;
  /** Absolute root folder (SARIF needs a URI base). */
  root: string;
  /** Root as given/shown to the user (JSON `root`). */
  rootLabel: string;
  color: boolean;
  quiet: boolean;
}

export type Formatter = (ctx: FormatContext) => string;
