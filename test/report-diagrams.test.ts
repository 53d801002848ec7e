// Diagrams by id (strategy/report/diagrams.ts): the tree names a diagram, the document carries
// it, and the Markdown writer turns it into a ```mermaid block at format time.
import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Code, Root, RootContent } from 'mdast';
import { documentToMarkdown, reportToMarkdown } from '../strategy/report/markdown';
import { diagramRef, diagramsInOrder, placeDiagram, withTextAlternatives } from '../strategy/report/diagrams';
import { mermaidMarkdown, roadmapMarkdown } from '../strategy/report/roadmap-markdown';
import { heading, paragraph, table } from '../strategy/report/mdast';
import type { DiagramDocument, ReportDiagram } from '../strategy/report/types';

function diagram(id: string, source: string, textAlternative: RootContent[] = []): ReportDiagram {
  return { id, kind: 'gantt', source, alt: `alt of ${id}`, caption: `caption of ${id}`, textAlternative };
}

function fromMarkdown(md: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(md);
}

function codes(md: string): Code[] {
  return fromMarkdown(md).children.filter((n): n is Code => n.type === 'code');
}

describe('report diagrams by id', () => {
  const facts = table({ caption: 'Facts', columns: [{ label: 'Measure' }], rows: [['A']] });
  const doc: DiagramDocument = {
    tree: { type: 'root', children: [heading(1, 'Title'), diagramRef('b'), paragraph('between'), diagramRef('a')] },
    diagrams: [diagram('a', 'gantt\n  title A'), diagram('b', 'flowchart LR\n  x --> y', [paragraph('Text version'), facts])],
  };

  it('writes each diagram as a ```mermaid block where its node stands, its text alternative after it', () => {
    const md = documentToMarkdown(doc);
    assert.deepEqual(
      codes(md).map((c) => [c.lang, c.value]),
      [
        ['mermaid', 'flowchart LR\n  x --> y'],
        ['mermaid', 'gantt\n  title A'],
      ],
    );
    const parsed = fromMarkdown(md).children.map((n) => n.type);
    assert.deepEqual(parsed, ['heading', 'code', 'paragraph', 'table', 'paragraph', 'code']);
    assert.ok(md.indexOf('Text version') < md.indexOf('between'));
  });

  it('keeps a diagram source with backticks inside its block (a longer fence)', () => {
    const source = 'gantt\n  title ```not the end```\n  x :a, 2026-01-01, 1d';
    const md = documentToMarkdown({ tree: { type: 'root', children: [diagramRef('x')] }, diagrams: [diagram('x', source)] });
    assert.deepEqual(
      codes(md).map((c) => c.value),
      [source],
    );
  });

  it('never reads a diagram out of the text: a mermaid code block in the tree stays a code block, not an entry', () => {
    const tree = { type: 'root' as const, children: [{ type: 'code' as const, lang: 'mermaid', value: 'gantt' }] };
    assert.deepEqual(diagramsInOrder({ tree, diagrams: [] }), []);
    assert.equal(reportToMarkdown(tree), '```mermaid\ngantt\n```\n');
  });

  it('lists diagrams in document order and refuses an unknown or a doubled id', () => {
    assert.deepEqual(
      diagramsInOrder(doc).map((d) => d.id),
      ['b', 'a'],
    );
    assert.throws(() => documentToMarkdown({ tree: { type: 'root', children: [diagramRef('missing')] }, diagrams: [] }), /missing/);
    assert.throws(() => withTextAlternatives({ tree: { type: 'root', children: [] }, diagrams: [diagram('a', 'x'), diagram('a', 'y')] }), /unique/);
  });

  it('places a diagram once, however often its section is built', () => {
    const diagrams: ReportDiagram[] = [];
    assert.deepEqual(placeDiagram(diagrams, diagram('roadmap-1', 'gantt')), { type: 'diagram', id: 'roadmap-1' });
    placeDiagram(diagrams, diagram('roadmap-1', 'gantt'));
    assert.equal(diagrams.length, 1);
    assert.throws(() => placeDiagram(diagrams, diagram('roadmap-1', 'flowchart')), /two different diagrams/);
  });

  it('writes the roadmap Markdown and the bare blocks with the same writer', () => {
    const parts = [
      { type: 'gantt' as const, source: 'gantt\n  title One\n', title: 'One', nodes: {}, omitted: ['M-1'] },
      { type: 'gantt' as const, source: 'gantt\n  title Two', title: 'Two', nodes: {}, omitted: [] },
    ];
    assert.equal(mermaidMarkdown(parts), '```mermaid\ngantt\n  title One\n```\n\n```mermaid\ngantt\n  title Two\n```\n');
    const md = roadmapMarkdown(parts, { title: 'Roadmap <b>', lang: 'en' });
    assert.deepEqual(
      fromMarkdown(md).children.map((n) => n.type),
      ['heading', 'heading', 'code', 'heading', 'code', 'paragraph'],
    );
    assert.match(md, /^# Roadmap \\<b>\n/);
    assert.match(md, /Without dates, so not in the gantt chart: `M-1`\n$/);
  });
});
