// `strategy roadmap --output FILE.md`: a heading and one ```mermaid block per diagram (GitHub and
// GitLab render them). Built as an mdast tree; headings and notes are escaped by mdast-util-to-markdown
// with GFM's rules, and repository text never becomes a link (strategy/report/markdown.ts).
import { toMarkdown } from 'mdast-util-to-markdown';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { RoadmapDiagram } from '../../strategy/diagrams/index';
import type { Lang } from '../../strategy/index';
import { SAFE_MARKDOWN } from '../../strategy/report/markdown';

const OMITTED = { de: 'Ohne Datum, daher nicht im Gantt-Diagramm:', en: 'Without dates, so not in the gantt chart:' } as const;

export function roadmapMarkdown(diagrams: RoadmapDiagram[], opts: { title: string; lang: Lang }): string {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: opts.title }] }];
  for (const d of diagrams) {
    if (diagrams.length > 1) children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: d.title }] });
    children.push({ type: 'code', lang: 'mermaid', value: d.source.replace(/\n$/, '') });
  }
  const omitted = diagrams.flatMap((d) => d.omitted);
  if (omitted.length) {
    children.push({
      type: 'paragraph',
      children: [
        { type: 'text', value: `${OMITTED[opts.lang]} ` },
        ...omitted.flatMap((id, i): PhrasingContent[] => [...(i ? [{ type: 'text' as const, value: ', ' }] : []), { type: 'inlineCode', value: id }]),
      ],
    });
  }
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, { ...SAFE_MARKDOWN, fences: true });
}
