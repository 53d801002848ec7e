/** The council report's roadmap: a gantt of the AI initiatives (grouped by field of action), as Mermaid sources. */
import { roadmapDiagrams, type RoadmapDiagram } from '../diagrams/index';
import type { LintResult } from '../workspace';
import type { Lang } from '../types';

export function aiRoadmap(result: LintResult, lang: Lang): RoadmapDiagram[] {
  if (!result.model.measures.some((m) => m.ai)) return [];
  // The as-of date is a vertical line („Stand …“), as the legend and alternative text say: the
  // report is drawn with the bundled Mermaid (HTML, PDF, DOCX); in Markdown it needs Mermaid ≥ 11.7.
  return roadmapDiagrams(result, { type: 'gantt', aiOnly: true, group: 'field', asOf: result.asOf, lang, asOfMarker: 'line' }).filter((d) => Object.keys(d.nodes).length > 0);
}
