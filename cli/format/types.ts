import type { LintResult } from '../../strategy/index';

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
