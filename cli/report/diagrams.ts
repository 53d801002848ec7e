/**
 * The roadmap in HTML: rendered to inline SVG in headless Chromium when one is available,
 * otherwise left as Mermaid source with the bundled Mermaid script inlined, which draws it when
 * the file is opened (still offline: the script is in the file).
 */
import { readFileSync } from 'node:fs';
import type { Root, RootContent } from 'mdast';
import type { DiagramMode } from './html';

export function mermaidSources(tree: Root): string[] {
  const out: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'code' && n.lang === 'mermaid') out.push(n.value);
      else if ('children' in n) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}

export async function mermaidBundle(): Promise<string> {
  const { mermaidBundlePath } = await import('../render/browser');
  return readFileSync(mermaidBundlePath(), 'utf8');
}

/** SVG when Chromium renders the diagrams; the inlined script otherwise (with a note on stderr). */
export async function diagramsForHtml(tree: Root, note: (line: string) => void): Promise<DiagramMode> {
  const sources = mermaidSources(tree);
  if (!sources.length) return { kind: 'source' };
  try {
    const { renderMermaidToSvg } = await import('../render/browser');
    return { kind: 'svg', svgs: await renderMermaidToSvg(sources) };
  } catch (e) {
    note(`roadmap not pre-rendered (${String((e as Error).message ?? e).split('\n')[0]}); the HTML file draws it with the bundled Mermaid script when opened`);
    return { kind: 'script', mermaidJs: await mermaidBundle() };
  }
}
