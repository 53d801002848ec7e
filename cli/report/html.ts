/**
 * Report → one self-contained HTML file: mdast → hast (mdast-util-to-hast) → HTML
 * (hast-util-to-html). Styles are inline; the roadmap is inline SVG when it was rendered, or a
 * `<pre class="mermaid">` block plus the bundled Mermaid script inlined, so the file works offline
 * and never loads anything. User text is only ever a text node, so it stays text.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Table } from 'mdast';
import { h } from 'hastscript';
import { toHast, defaultHandlers, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { diagramLookup, withTextAlternatives, type DiagramRef, type ReportDocument } from '../../strategy/report/index';
import { reportCss } from './style';
import { longWordLength } from './long-words';

export type DiagramMode =
  /** Pre-rendered SVG documents by diagram id. */
  | { kind: 'svg'; svgs: ReadonlyMap<string, string> }
  /** Mermaid source in the page, rendered by the inlined Mermaid bundle in the reader's browser. */
  | { kind: 'script'; mermaidJs: string }
  /** Mermaid source only (a printer renders it before printing). */
  | { kind: 'source' };

export interface HtmlOptions {
  diagrams: DiagramMode;
  /** `<meta name="generator">`. */
  generator?: string;
}

function isElement(n: HastContent | ElementContent | undefined, tag?: string): n is Element {
  return n?.type === 'element' && (!tag || n.tagName === tag);
}

/** Wraps the long words of a table cell in `<span class="long-word">`, which reportCss lets break anywhere. */
function markLongWords(nodes: ElementContent[], length: number): ElementContent[] {
  // A hyphen is a break opportunity already: only what lies between hyphens and spaces counts.
  const long = new RegExp(`([^\\s-]{${length},})`, 'u');
  return nodes.flatMap((n): ElementContent[] => {
    if (n.type === 'element') return [{ ...n, children: markLongWords(n.children, length) }];
    if (n.type !== 'text' || !long.test(n.value)) return [n];
    return n.value
      .split(long)
      .filter((part) => part !== '')
      .map((part) => (long.test(part) ? h('span', { className: ['long-word'] }, part) : { type: 'text', value: part }));
  });
}

function tableHandler(state: State, node: Table): Element {
  const table = defaultHandlers.table(state, node);
  const sections = table.children.filter((c): c is Element => isElement(c));
  for (const section of sections) {
    const rows = section.children.filter((c): c is Element => isElement(c, 'tr'));
    rows.forEach((tr, i) => {
      const cells = tr.children.filter((c): c is Element => isElement(c));
      for (const cell of cells) cell.children = markLongWords(cell.children, longWordLength(cells.length));
      if (section.tagName === 'thead') {
        for (const th of cells) th.properties.scope = 'col';
        return;
      }
      const mdRow = node.children[i + 1];
      if (mdRow?.data?.total) tr.properties.className = ['total'];
      const first = cells[0];
      if (node.data?.rowHeaders && first) {
        first.tagName = 'th';
        first.properties.scope = 'row';
      }
    });
  }
  if (node.data?.caption) table.children.unshift(h('caption', node.data.caption));
  return h('div', { className: ['table-wrap'] }, [table]);
}

/** The report's Content-Security-Policy: inline styles, data: images and fonts, inline scripts only when there are any. */
export function reportCsp(withScripts: boolean): string {
  return `default-src 'none'; ${withScripts ? "script-src 'unsafe-inline'; " : ''}style-src 'unsafe-inline'; img-src data:; font-src data:`;
}

/**
 * An inline script must not contain "</script" (it would end the element) or "<!--" (it can
 * change how the parser finds the end). Both only occur inside string or regex literals of the
 * minified bundle, where `\x3C` means the same "<".
 */
export function inlineScript(js: string): string {
  return js.replace(/<(?=\/script|!--)/gi, '\\x3C');
}

export function reportToHtml(doc: ReportDocument, opts: HtmlOptions): string {
  const get = diagramLookup(doc);
  let diagrams = 0;
  const diagramHandler = (_state: State, node: DiagramRef): Element => {
    const d = get(node.id);
    diagrams++;
    const mode = opts.diagrams;
    const label = d.alt ? { 'aria-label': d.alt } : {};
    const svg = mode.kind === 'svg' ? mode.svgs.get(d.id) : undefined;
    // The SVG comes from Mermaid (securityLevel strict) in our own headless browser, not from the user.
    if (svg !== undefined) return h('figure', { className: ['diagram'], ...label }, [{ type: 'raw', value: svg } as unknown as ElementContent]);
    return h('figure', { className: ['diagram'], ...label }, [h('pre', { className: ['mermaid'] }, d.source)]);
  };
  const content = toHast(withTextAlternatives(doc), { handlers: { table: tableHandler, diagram: diagramHandler } }) as HastRoot;

  const scripts: Element[] = [];
  if (opts.diagrams.kind === 'script' && diagrams > 0) {
    scripts.push(h('script', inlineScript(opts.diagrams.mermaidJs)));
    scripts.push(
      h(
        'script',
        'mermaid.initialize({ startOnLoad: false, securityLevel: "strict", gantt: { useWidth: 1400 } });\n' +
          'mermaid.run({ querySelector: "pre.mermaid" });',
      ),
    );
  }

  const page: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: doc.lang }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          // As the roadmap page (cli/render/html.ts): no network, nothing but our own inline code;
          // without the Mermaid fallback no script at all, so injected markup could run nothing
          // ('source' is the PDF's page, into which the renderer inlines Mermaid itself).
          h('meta', { httpEquiv: 'Content-Security-Policy', content: reportCsp(scripts.length > 0 || opts.diagrams.kind === 'source') }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          ...(opts.generator ? [h('meta', { name: 'generator', content: opts.generator })] : []),
          h('title', doc.title),
          h('style', reportCss(doc.landscape)),
        ]),
        h('body', [h('main', content.children as ElementContent[]), ...scripts]),
      ]),
    ],
  };
  return toHtml(page, { allowDangerousHtml: true }) + '\n';
}
