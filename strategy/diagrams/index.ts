/**
 * Mermaid roadmaps (SPEC §6) – the stable API for the CLI, the council report and the VS Code
 * webview. Pure functions of a model and its findings; no I/O.
 *
 * ```ts
 * const result = workspace.lint({ asOf });
 * const sources = renderRoadmap(result, { type: 'gantt', asOf, lang: 'de' });        // string[]
 * const diagrams = roadmapDiagrams(result, { type: 'dependencies', asOf, lang: 'de' }); // with metadata
 * ```
 *
 * - `gantt`: a section per group (`group`: field of action – default –, owner or status), a bar
 *   per measure from start to end, its milestones below it; `done` = completed, `active` =
 *   pilot/active, `crit` = overdue (end before the as-of date and not completed/cancelled) or
 *   with open errors; open milestones before the as-of date are `crit`. Cancelled and paused
 *   bars get their own look, and long section titles are wrapped to a computed `leftPadding`:
 *   both through Mermaid front matter generated from numbers and ids only (gantt-look.ts).
 *   Each gantt carries `legend` (the looks it uses, explained) and `facts` (a row per bar with
 *   full titles and dates as written) for a text alternative after the drawing. The as-of date is a
 *   milestone row (default; every Mermaid version) or, with `asOfMarker: 'line'`, a vertical
 *   line (`vert`, Mermaid ≥ 11.7). Mermaid's own today marker is off: it shows the real today.
 *   A measure with only a start is labelled "Ende offen"/"open end"; while it goes on (not
 *   completed/cancelled) its bar reaches the right edge (the period's end, else the last date
 *   shown), otherwise it covers its start period, at least 30 days. Only an end: the end period,
 *   at least 30 days, "Beginn offen"/"open start". Measures
 *   without any date have no bar; they are listed in `omitted` and shown in the dependency view.
 * - `dependencies`: a flowchart, a subgraph per group, `prerequisite --> dependent` for every
 *   `depends_on`; milestones that take part in a dependency get a node linked to their measure
 *   (dotted). Classes: `ai`, `error` (open errors), `warning`, `done`, `cancelled` (also paused),
 *   `milestone`, `outside` (a node outside the selection – e.g. with `aiOnly` – that a selected
 *   measure depends on or that depends on one). A legend subgraph explains the classes.
 * - `timeline`: milestones by quarter of their due day (a coarse date is due at its end), a
 *   section per year; „✓“ done, „⚠“ overdue; cancelled milestones are left out.
 * - `from`/`to` keep measures whose bar (or, without dates, a milestone) overlaps the period and
 *   clip bars to it (a running open end overlaps every later period); milestones outside it are
 *   left out; measures without any date stay in the selection (gantt: in `omitted`).
 * - User text is escaped for each diagram type (see escape.ts): it can never become a directive,
 *   statement, section, style or click handler. Node ids are generated: `m1`, `m2`, … for
 *   selected measures in diagram order, `m1_2` for the second milestone of `m1`, `x1`, … for
 *   measures outside the selection, `asof` for the as-of marker. `nodes` maps them back; in the
 *   SVG of `mermaid.render(renderId, source)`, a gantt task is `<rect id="<renderId>-m1">`, a
 *   flowchart node `<g id="<renderId>-flowchart-m1-<n>">`. There are no click handlers.
 * - A roadmap whose source would exceed `maxTextSize` (default 45,000 characters, under
 *   Mermaid's 50,000) or 450 edges is split by group (a large group into numbered parts).
 */
import { buildPlan } from './plan';
import { ganttDiagrams } from './gantt';
import { dependencyDiagrams } from './dependencies';
import { timelineDiagrams } from './timeline';
import type { RoadmapDiagram, RoadmapInput, RoadmapOptions } from './types';

export type { RoadmapDiagram, RoadmapInput, RoadmapOptions, RoadmapType, RoadmapGroup, DiagramNode } from './types';
export { resolvePeriod } from './plan';
export { mermaidText, mermaidStatementText } from './escape';

export const ROADMAP_TYPES = ['gantt', 'dependencies', 'timeline'] as const;
export const ROADMAP_GROUPS = ['field', 'owner', 'status'] as const;

/** The roadmap as Mermaid diagrams with metadata (titles, node → measure map, omitted measures). */
export function roadmapDiagrams(input: RoadmapInput, options: RoadmapOptions): RoadmapDiagram[] {
  const plan = buildPlan(input, options);
  switch (options.type) {
    case 'gantt':
      return ganttDiagrams(plan);
    case 'dependencies':
      return dependencyDiagrams(plan);
    case 'timeline':
      return timelineDiagrams(plan);
    default:
      throw new RangeError(`unknown roadmap type "${String(options.type)}"`);
  }
}

/** The roadmap as Mermaid sources: one, or several when split to stay under the size limit. */
export function renderRoadmap(input: RoadmapInput, options: RoadmapOptions): string[] {
  return roadmapDiagrams(input, options).map((d) => d.source);
}
