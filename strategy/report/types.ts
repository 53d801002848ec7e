import type { Root } from 'mdast';
import type { Lang } from '../types';
import type { Inquiry } from '../model/inquiry';

export const REPORT_KINDS = ['council', 'inventory', 'funding', 'compliance'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportOptions {
  /** Report language (default: strategy.yaml `language`, else German). */
  lang?: Lang;
  /** The source commit (full hash) when the repository is a git checkout; the front end reads it. */
  commit?: string;
  /** The checkout has uncommitted changes. */
  dirty?: boolean;
  /** Who made the report, e.g. "Digital Strategy Roadmap 0.1.0". */
  generator?: string;
  /** The council inquiry to answer (council report); without one, the five standard questions. */
  inquiry?: Inquiry;
  /** What changed since an earlier state (`report council --since REF`, strategy/diff): „Änderungen seit der letzten Sitzung“. */
  changes?: import('../diff/diff').StrategyDiff;
}

export interface ReportDocument {
  kind: ReportKind;
  lang: Lang;
  /** Plain-text title (the first heading). */
  title: string;
  /** The report as an mdast tree; the roadmap is a `code` node with lang `mermaid`. */
  tree: Root;
  /** Wide tables: print in landscape. */
  landscape: boolean;
}
