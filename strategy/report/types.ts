import type { Node as UnistNode } from 'unist';
import type { Root, RootContent } from 'mdast';
import type { RoadmapType } from '../diagrams/types';
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
  /** The report as an mdast tree; a diagram is a `diagram` node naming an entry of `diagrams`. */
  tree: Root;
  /** The diagrams the tree refers to, by id (each writer draws them in its own way). */
  diagrams: ReportDiagram[];
  /** Wide tables: print in landscape. */
  landscape: boolean;
}

/**
 * A diagram of a document, carried beside the tree and referred to from it by id: the Markdown
 * writer emits its source as a ```mermaid block, HTML/PDF/DOCX put in the SVG/PNG drawn from it.
 * Nothing parses a diagram back out of the text.
 */
export interface ReportDiagram {
  /** Unique within its document (`roadmap-1`, …). */
  id: string;
  kind: RoadmapType;
  /** Mermaid source, without a trailing newline. */
  source: string;
  /** Short alternative text (HTML `aria-label`, DOCX alt text). */
  alt: string;
  /** Plain-text caption: what the drawing shows (e.g. its field of action when split). */
  caption: string;
  /**
   * The same facts as text, shown right after the drawing in every format (a legend and a table),
   * so a reader who cannot see the drawing misses nothing.
   */
  textAlternative: RootContent[];
}

/** Where a diagram stands in the tree. */
export interface DiagramRef extends UnistNode {
  type: 'diagram';
  /** The `ReportDiagram.id` it shows. */
  id: string;
}

/** Anything with a tree and its diagrams (a report, the roadmap as Markdown). */
export interface DiagramDocument {
  tree: Root;
  diagrams: readonly ReportDiagram[];
}

declare module 'mdast' {
  interface RootContentMap {
    diagram: DiagramRef;
  }
  interface BlockContentMap {
    diagram: DiagramRef;
  }
}
