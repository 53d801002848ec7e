/**
 * Diagrams of a document by id: the tree holds a `diagram` node where one stands, the document
 * carries its entry (source, alternative text, caption, text alternative). Each writer draws it in
 * its own way – Markdown as a ```mermaid block, HTML as SVG, DOCX as PNG – looked up by id.
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { DiagramDocument, DiagramRef, ReportDiagram } from './types';

export function diagramRef(id: string): DiagramRef {
  return { type: 'diagram', id };
}

/**
 * Adds a diagram to the document's `diagrams` (once: a section built twice, or a diagram shown
 * in two places, refers to the same entry) and returns the node that stands for it in the tree.
 */
export function placeDiagram(diagrams: ReportDiagram[], entry: ReportDiagram): DiagramRef {
  const known = diagrams.find((d) => d.id === entry.id);
  if (!known) diagrams.push(entry);
  else if (known.source !== entry.source) throw new Error(`two different diagrams with id ${JSON.stringify(entry.id)}`);
  return diagramRef(entry.id);
}

/** The diagrams by id; a missing id is a programming error, so `get` throws. */
export function diagramLookup(doc: Pick<DiagramDocument, 'diagrams'>): (id: string) => ReportDiagram {
  const byId = new Map(doc.diagrams.map((d) => [d.id, d]));
  if (byId.size !== doc.diagrams.length) throw new Error('diagram ids must be unique within a document');
  return (id) => {
    const d = byId.get(id);
    if (!d) throw new Error(`no diagram with id ${JSON.stringify(id)} in the document`);
    return d;
  };
}

/**
 * The tree every writer walks: each `diagram` node stays where it is and its text alternative
 * follows it, so every format shows the same facts after the drawing.
 */
export function withTextAlternatives(doc: DiagramDocument): Root {
  const get = diagramLookup(doc);
  const expand = (nodes: RootContent[]): RootContent[] =>
    nodes.flatMap((n): RootContent[] => {
      if (n.type === 'diagram') return [n, ...get(n.id).textAlternative];
      return 'children' in n ? [{ ...n, children: expand(n.children as RootContent[]) } as RootContent] : [n];
    });
  return { ...doc.tree, children: expand(doc.tree.children) };
}

/** The diagrams in the order they stand in the tree. */
export function diagramsInOrder(doc: DiagramDocument): ReportDiagram[] {
  const get = diagramLookup(doc);
  const out: ReportDiagram[] = [];
  const walk = (node: Parent) => {
    for (const n of node.children as RootContent[]) {
      if (n.type === 'diagram') out.push(get(n.id));
      else if ('children' in n) walk(n as Parent);
    }
  };
  walk(doc.tree);
  return out;
}
