import { roadmapDiagrams } from '../strategy/diagrams/index';
import type { StrategyRoot } from './roots';
import { uiLang } from './settings';

export type DiagramType = 'gantt' | 'dependencies' | 'timeline';

/** Mermaid sources of the root's roadmap and the node id → measure id map for click-to-open. */
export function roadmapFor(root: StrategyRoot, type: DiagramType): { sources: string[]; nodeMap: Record<string, string> } {
  const result = root.result;
  if (!result) return { sources: [], nodeMap: {} };
  const diagrams = roadmapDiagrams(result, { type, asOf: result.asOf, lang: uiLang(root.uri) });
  const nodeMap: Record<string, string> = {};
  for (const d of diagrams) for (const [id, node] of Object.entries(d.nodes)) nodeMap[id] = node.measure;
  return { sources: diagrams.map((d) => d.source), nodeMap };
}
