import { roadmapDiagrams } from '../strategy/diagrams/index';
import type { StrategyRoot } from './roots';

export type DiagramType = 'gantt' | 'dependencies' | 'timeline';

/** What the roadmap shows: a field of action, AI initiatives only, a period (strategy dates). */
export interface RoadmapFilter {
  field?: string;
  aiOnly?: boolean;
  from?: string;
  to?: string;
}

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The filter with only values the core understands (a period must be a strategy date). */
export function cleanFilter(f: RoadmapFilter | undefined): RoadmapFilter {
  const date = (v: unknown) => (typeof v === 'string' && PERIOD.test(v.trim()) ? v.trim() : undefined);
  return { field: typeof f?.field === 'string' && f.field ? f.field : undefined, aiOnly: f?.aiOnly === true, from: date(f?.from), to: date(f?.to) };
}

/**
 * The webview draws a large roadmap in chunks of at most this many characters of Mermaid (whole
 * sections where they fit, else a section in numbered parts): a chunk is a few dozen measures, so
 * it is drawn in tens of milliseconds, only when scrolled near, and again only when its source
 * changed (docs/vscode.md). A roadmap below this size stays one diagram.
 */
export const WEBVIEW_CHUNK_SIZE = 12_000;

/**
 * Mermaid sources of the root's roadmap, the node id → measure id map for click-to-open and the
 * measures the chart leaves out (no dates), which the CLI names too. The language is the lint
 * language (setting, else the strategy's `language`), as in `strategy roadmap`, not VS Code's
 * display language: an exported SVG goes to the council in the strategy's language.
 */
export function roadmapFor(root: StrategyRoot, type: DiagramType, filter: RoadmapFilter = {}, maxTextSize?: number): { sources: string[]; nodeMap: Record<string, string>; omitted: string[]; shown: number } {
  const result = root.result;
  if (!result) return { sources: [], nodeMap: {}, omitted: [], shown: 0 };
  const { field, aiOnly, from, to } = cleanFilter(filter);
  // A field of action: the roadmap of its measures (the core filters AI and period itself).
  const measures = field ? result.model.measures.filter((m) => m.field?.id === field) : result.model.measures;
  const input = field ? { ...result, model: { ...result.model, measures } } : result;
  // The webview draws with the bundled Mermaid (11.17): the as-of date is a vertical line.
  const diagrams = roadmapDiagrams(input, { type, asOf: result.asOf, lang: result.lang, aiOnly, from, to, maxTextSize, asOfMarker: 'line' });
  const nodeMap: Record<string, string> = {};
  for (const d of diagrams) for (const [id, node] of Object.entries(d.nodes)) nodeMap[id] = node.measure;
  const omitted = diagrams.flatMap((d) => d.omitted);
  // Measures drawn (gantt bars, dependency nodes inside the selection); the timeline draws milestones.
  const drawn = new Set(diagrams.flatMap((d) => Object.values(d.nodes).filter((n) => !n.outside).map((n) => n.measure)));
  const selected = aiOnly ? measures.filter((m) => m.ai).length : measures.length;
  return { sources: diagrams.map((d) => d.source), nodeMap, omitted, shown: type === 'timeline' ? selected - omitted.length : drawn.size };
}
