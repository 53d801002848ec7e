import { roadmapDiagrams } from '../strategy/diagrams/index';
import type { StrategyRoot } from './roots';

export type DiagramType = 'gantt' | 'dependencies' | 'timeline';

/**
 * Mermaid sources of the root's roadmap, the node id → measure id map for click-to-open and the
 * measures the chart leaves out (no dates), which the CLI names too. The language is the lint
 * language (setting, else the strategy's `language`), as in `strategy roadmap`, not VS Code's
 * display language: an exported SVG goes to the council in the strategy's language.
 */
export function roadmapFor(root: StrategyRoot, type: DiagramType): { sources: string[]; nodeMap: Record<string, string>; omitted: string[] } {
  const result = root.result;
  if (!result) return { sources: [], nodeMap: {}, omitted: [] };
  const diagrams = roadmapDiagrams(result, { type, asOf: result.asOf, lang: result.lang });
  const nodeMap: Record<string, string> = {};
  for (const d of diagrams) for (const [id, node] of Object.entries(d.nodes)) nodeMap[id] = node.measure;
  return { sources: diagrams.map((d) => d.source), nodeMap, omitted: diagrams.flatMap((d) => d.omitted) };
}
