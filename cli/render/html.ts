// The roadmap as one self-contained HTML page: the Mermaid sources in <pre class="mermaid">
// blocks and mermaid.min.js inlined, so that it renders offline. A Content-Security-Policy
// forbids every network request. Built as a hast tree; all user text goes in as text nodes.
import { readFileSync } from 'node:fs';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import type { RoadmapDiagram } from '../../strategy/diagrams/index';
import { message, type Lang } from '../../strategy/index';
import { mermaidBundlePath, RENDER_MAX_TEXT_SIZE } from './browser';

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2.5rem; }
figure { margin: 1rem 0; overflow-x: auto; }
pre.mermaid { white-space: pre; font-size: 0.8rem; color: #57606a; }
p.note { color: #57606a; font-size: 0.9rem; }
table { border-collapse: collapse; font-size: 0.9rem; } caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
`;

const wordsOf = (lang: Lang) => ({ omitted: message(lang, 'roadmapHtml.omitted'), generated: message(lang, 'roadmapHtml.generated') });

/** Script text that cannot end or re-open its <script> element early (a `<` escaped as `\x3C` in strings and regexes). */
export function inlineScript(js: string): string {
  return js.replace(/<(?=\/script|!--|script)/gi, '\\x3C');
}

/** A gantt's legend and the same facts as a table, after the drawing (strategy/diagrams: `legend`, `facts`). */
function textAlternative(d: RoadmapDiagram, lang: Lang) {
  if (!d.facts?.length) return [];
  const w = (key: Parameters<typeof message>[1], params?: Record<string, string>) => message(lang, key, params);
  const columns = (['section', 'measure', 'start', 'end', 'status', 'milestones'] as const).map((c) => h('th', { scope: 'col' }, w(`diagram.col.${c}`)));
  return [
    h('p', h('strong', w('diagram.legend'))),
    h('ul', (d.legend ?? []).map((l) => h('li', l))),
    h('table', [
      h('caption', w('diagram.facts', { title: d.title })),
      h('thead', h('tr', columns)),
      h('tbody', d.facts.map((f) => h('tr', [h('td', f.section), h('th', { scope: 'row' }, `${f.title} (${f.measure})`), h('td', f.start ?? '–'), h('td', f.end ?? (f.openEnd ? w('diagram.openEndShort') : '–')), h('td', f.status ?? '–'), h('td', f.milestones.join('; ') || '–')]))),
    ]),
  ];
}

export interface RoadmapHtmlOptions {
  title: string;
  lang: Lang;
  /** Contents of mermaid.min.js (default: read from node_modules). */
  mermaidJs?: string;
}

export function roadmapHtml(diagrams: RoadmapDiagram[], opts: RoadmapHtmlOptions): string {
  const words = wordsOf(opts.lang);
  const split = diagrams.length > 1;
  const body = [h('h1', opts.title)];
  for (const d of diagrams) {
    if (split) body.push(h('h2', d.title));
    body.push(h('figure', [h('pre', { className: ['mermaid'] }, d.source)]), ...textAlternative(d, opts.lang));
  }
  const omitted = diagrams.flatMap((d) => d.omitted);
  if (omitted.length) body.push(h('p', { className: ['note'] }, `${words.omitted} ${omitted.join(', ')}`));
  const mermaidJs = opts.mermaidJs ?? readFileSync(mermaidBundlePath(), 'utf8');
  const init = {
    startOnLoad: false,
    securityLevel: 'strict',
    maxTextSize: RENDER_MAX_TEXT_SIZE,
    theme: 'default',
    gantt: { useWidth: 1400 },
  };
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: opts.lang }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: CSP }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: words.generated }),
          h('title', opts.title),
          h('style', STYLE),
        ]),
        h('body', [
          h('main', body),
          h('script', inlineScript(mermaidJs)),
          h('script', `mermaid.initialize(${JSON.stringify(init)});\nmermaid.run({ querySelector: 'pre.mermaid' });`),
        ]),
      ]),
    ],
  };
  return toHtml(tree) + '\n';
}
