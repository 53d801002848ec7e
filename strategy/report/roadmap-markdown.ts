/**
 * The roadmap as Markdown (`strategy roadmap --output FILE.md` and `--update FILE`, the editor's
 * "Export Roadmap" to .md): a document of diagram nodes, written by the same writer as the
 * reports, so each diagram is a ```mermaid block (GitHub and GitLab render them) and headings and
 * notes are escaped by mdast-util-to-markdown with GFM's rules.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { RoadmapDiagram } from '../diagrams/types';
import type { Lang } from '../types';
import { documentToMarkdown } from './markdown';
import { diagramRef } from './diagrams';
import type { DiagramDocument, ReportDiagram } from './types';
import { list, paragraph, strong, table } from './mdast';
import { message } from '../messages/index';

const OMITTED = { de: 'Ohne Datum, daher nicht im Gantt-Diagramm:', en: 'Without dates, so not in the gantt chart:' } as const;

type Drawn = Pick<RoadmapDiagram, 'type' | 'source'> & { title?: string };

function entry(d: Drawn, i: number): ReportDiagram {
  const caption = d.title ?? '';
  return { id: `roadmap-${i + 1}`, kind: d.type, source: d.source.replace(/\n+$/, ''), alt: caption, caption, textAlternative: [] };
}

/** A gantt's legend and the same facts as a table (strategy/diagrams: `legend`, `facts`). */
function textAlternative(d: RoadmapDiagram, lang: Lang): RootContent[] {
  if (!d.facts?.length) return [];
  const w = (key: Parameters<typeof message>[1], params?: Record<string, string | number>) => message(lang, key, params);
  return [
    paragraph(strong(w('diagram.legend'))),
    list((d.legend ?? []).map((l) => [l])),
    table({
      caption: w('diagram.facts', { title: d.title }),
      columns: [{ label: w('diagram.col.section') }, { label: w('diagram.col.measure') }, { label: w('diagram.col.start') }, { label: w('diagram.col.end') }, { label: w('diagram.col.status') }, { label: w('diagram.col.milestones') }],
      rows: d.facts.map((f) => [f.section, `${f.title} (${f.measure})`, f.start ?? '–', f.end ?? (f.openEnd ? w('diagram.openEndShort') : '–'), f.status ?? '–', f.milestones.join('; ') || '–']),
    }),
  ];
}

/** Headings, one diagram per part (with its legend and text alternative) and the measures the roadmap could not draw. */
export function roadmapDocument(diagrams: RoadmapDiagram[], opts: { title: string; lang: Lang }): DiagramDocument {
  const entries = diagrams.map((d, i) => ({ ...entry(d, i), textAlternative: textAlternative(d, opts.lang) }));
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: opts.title }] }];
  entries.forEach((d) => {
    if (entries.length > 1) children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: d.caption }] });
    children.push(diagramRef(d.id));
  });
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
  return { tree: { type: 'root', children }, diagrams: entries };
}

export function roadmapMarkdown(diagrams: RoadmapDiagram[], opts: { title: string; lang: Lang }): string {
  return documentToMarkdown(roadmapDocument(diagrams, opts), { fences: true });
}

/** Only the ```mermaid blocks, separated by blank lines (a region of `--update`, an exported .md). */
export function mermaidMarkdown(diagrams: Drawn[]): string {
  const entries = diagrams.map(entry);
  return documentToMarkdown({ tree: { type: 'root', children: entries.map((d) => diagramRef(d.id)) }, diagrams: entries }, { fences: true });
}
