import type { Finding, Lang } from '../types';
import type { Model } from '../model/types';

export type RoadmapType = 'gantt' | 'dependencies' | 'timeline';
export type RoadmapGroup = 'field' | 'owner' | 'status';

/** What a roadmap is drawn from: a lint result, or any model with its findings. */
export interface RoadmapInput {
  model: Model;
  /** Reported findings; measures with an `error` among them are marked. */
  findings: readonly Finding[];
}

export interface RoadmapOptions {
  type: RoadmapType;
  /** Sections (gantt) or subgraphs (dependencies) by field of action (default), owner or status. Not used by the timeline. */
  group?: RoadmapGroup;
  /** Only AI initiatives (measures with an `ai` block). */
  aiOnly?: boolean;
  /** Clip to a period: strategy dates (`YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD`); `from` means its first day, `to` its last. */
  from?: string;
  to?: string;
  /** The as-of date (`YYYY-MM-DD`): marker line, overdue styling. */
  asOf: string;
  lang: Lang;
  /**
   * Gantt only: how the as-of date is marked. `milestone` (default): a milestone row at the top,
   * understood by every Mermaid version (GitHub, GitLab, older viewers). `line`: a vertical line
   * across the chart (`vert`, Mermaid ≥ 11.7) – for places that render with the bundled Mermaid.
   */
  asOfMarker?: 'milestone' | 'line';
  /**
   * Largest Mermaid source per diagram, in characters (default 45,000, under Mermaid's default
   * `maxTextSize` of 50,000). Above it, a roadmap is split by group (and groups into parts).
   */
  maxTextSize?: number;
  /**
   * Highlight the critical path (strategy/schedule): `true` to the end of the horizon, or a target
   * (`MEASURE` or `MEASURE/milestone`). Gantt: its bars and milestones are `crit` and say so in
   * their label; dependency view: class `critical`.
   */
  criticalPath?: boolean | string;
  /**
   * Gantt only: the plan at an earlier state (`roadmap --baseline REF`). Under each measure whose
   * dates differ from it, a grey bar with the earlier dates, labelled with `label` (e.g. the tag).
   */
  baseline?: { label: string; model: Model };
}

/** What a node (flowchart) or task (gantt) stands for, keyed by its Mermaid id. */
export interface DiagramNode {
  measure: string;
  milestone?: string;
  /** File of the measure, relative to the repository root. */
  file: string;
  /** True for a node drawn only because something in the diagram depends on it (outside the selection). */
  outside?: boolean;
}

/** Gantt: one row of the text alternative – what a bar (and its milestones) shows, with full titles. */
export interface GanttFact {
  /** The section (group) title, never shortened. */
  section: string;
  measure: string;
  title: string;
  /** Dates as written in the measure file. */
  start?: string;
  end?: string;
  /** Only a start: „Ende offen“ / "open end". */
  openEnd: boolean;
  /** Status word in the roadmap's language. */
  status?: string;
  /** Milestones drawn in this diagram: "title (date)". */
  milestones: string[];
}

export interface RoadmapDiagram {
  type: RoadmapType;
  /** Mermaid source, ready for `mermaid.render` or a ```mermaid block. */
  source: string;
  /** Plain-text title of this part (e.g. the field of action when split), for headings. */
  title: string;
  /** Mermaid node/task id → measure (and milestone). Timelines have no ids and leave it empty. */
  nodes: Record<string, DiagramNode>;
  /** Measures of the selection that this diagram cannot show (gantt: measures without any date). */
  omitted: string[];
  /** Gantt: what each look used in this diagram means, in the roadmap's language. */
  legend?: string[];
  /** Gantt: the same facts as the bars, for a table after the diagram (text alternative). */
  facts?: GanttFact[];
}
