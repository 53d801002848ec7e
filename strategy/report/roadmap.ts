/** The council report's roadmap: a gantt of the AI initiatives (grouped by field of action), as Mermaid sources. */
import { roadmapDiagrams, type RoadmapDiagram } from '../diagrams/index';
import type { LintResult } from '../workspace';
import type { Lang } from '../types';

export function aiRoadmap(result: LintResult, lang: Lang): RoadmapDiagram[] {
  if (!result.model.measures.some((m) => m.ai)) return [];
  return roadmapDiagrams(result, { type: 'gantt', aiOnly: true, group: 'field', asOf: result.asOf, lang }).filter((d) => Object.keys(d.nodes).length > 0);
}
