/**
 * The report's diagrams in HTML: rendered to inline SVG in headless Chromium when one is
 * available, otherwise left as Mermaid source with the bundled Mermaid script inlined, which draws
 * them when the file is opened (still offline: the script is in the file). Diagrams are taken from
 * the document by id (strategy/report/diagrams.ts), never dug out of the text.
 */
import { readFileSync } from 'node:fs';
import type { DiagramDocument } from '../../strategy/report/index';
import type { DiagramMode } from './html';

export async function mermaidBundle(): Promise<string> {
  const { mermaidBundlePath } = await import('../render/browser');
  return readFileSync(mermaidBundlePath(), 'utf8');
}

/** SVG by diagram id when Chromium renders the diagrams; the inlined script otherwise (with a note on stderr). */
export async function diagramsForHtml(doc: DiagramDocument, note: (line: string) => void): Promise<DiagramMode> {
  if (!doc.diagrams.length) return { kind: 'source' };
  try {
    const { renderMermaidToSvg } = await import('../render/browser');
    const svgs = await renderMermaidToSvg(doc.diagrams.map((d) => d.source));
    return { kind: 'svg', svgs: new Map(doc.diagrams.map((d, i) => [d.id, svgs[i]])) };
  } catch (e) {
    note(`roadmap not pre-rendered (${String((e as Error).message ?? e).split('\n')[0]}); the HTML file draws it with the bundled Mermaid script when opened`);
    return { kind: 'script', mermaidJs: await mermaidBundle() };
  }
}
