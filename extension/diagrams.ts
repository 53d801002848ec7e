import type { StrategyRoot } from './roots';

export type DiagramType = 'gantt' | 'dependencies' | 'timeline';

/** Mermaid sources for the webview (filled in once strategy/diagrams lands). */
export function roadmapFor(root: StrategyRoot, type: DiagramType): { sources: string[]; nodeMap: Record<string, string> } {
  void root;
  void type;
  return { sources: [], nodeMap: {} };
}
