/**
 * The public register as a static website: hast trees (hastscript) serialised by
 * hast-util-to-html, so every value from the repository is a text node or an attribute value and
 * stays text. Relative links only, no external requests: the site works from any folder, from a
 * web server and from file://. Filters are pre-rendered pages (they work without JavaScript); the
 * search box is added by a small script of the site itself.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Lang } from '../../strategy/index';
import { KINDS, STAGES, SITE_TEXT, fillText, type PublishedSystem, type Value } from '../../strategy/register/publication';

export interface SiteFile {
  path: string;
  content: string;
}

export interface SiteInput {
  organisation: string;
  asOf: string;
  systems: Record<Lang, PublishedSystem[]>;
}

const LANGS: Lang[] = ['de', 'en'];
const base = (lang: Lang) => (lang === 'de' ? '' : 'en/');
const systemsDir = (lang: Lang) => (lang === 'de' ? 'systeme' : 'systems');
const other = (lang: Lang): Lang => (lang === 'de' ? 'en' : 'de');
/** From a page at `from` (a path in the site) to `to`. */
function rel(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to;
}

function page(lang: Lang, path: string, title: string, altPath: string, organisation: string, asOf: string, main: ElementContent[]): string {
  const T = SITE_TEXT[lang];
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang }, [
      h('head', [
        h('meta', { charSet: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', `${title} – ${T.siteTitle} ${organisation}`),
        h('link', { rel: 'stylesheet', href: rel(path, 'assets/site.css') }),
        h('link', { rel: 'alternate', hrefLang: other(lang), href: rel(path, altPath) }),
      ]),
      h('body', [
        h('a', { className: ['skip'], href: '#main' }, T.skip),
        h('header', [
          h('p', { className: ['site'] }, [h('a', { href: rel(path, `${base(lang)}index.html`) }, `${T.siteTitle} – ${organisation}`)]),
          h('nav', { 'aria-label': T.languageLabel }, [h('a', { href: rel(path, altPath), hrefLang: other(lang), lang: other(lang) }, T.language)]),
        ]),
        h('main', { id: 'main' }, main),
        h('footer', [h('p', fillText(T.generated, { date: asOf }))]),
        h('script', { src: rel(path, 'assets/search.js'), defer: true }),
      ]),
    ]),
  ]);
  return toHtml(tree) + '\n';
}

function valueContent(v: Value, lang: Lang): ElementContent[] {
  if ('notStated' in v) return [h('span', { className: ['not-stated'] }, SITE_TEXT[lang].notStated)];
  if ('links' in v) {
    const out: ElementContent[] = [];
    if (v.text) out.push(h('p', v.text));
    out.push(h('ul', v.links.map((l) => h('li', [h('a', { href: l.url }, l.text)]))));
    return out;
  }
  return v.text.split(/\n{2,}/).map((p) => h('p', p));
}

type Filter = { key: string; label: string; pick: (s: PublishedSystem) => boolean };

function filters(lang: Lang): { group: string; items: Filter[] }[] {
  const T = SITE_TEXT[lang];
  return [
    { group: T.byStage, items: STAGES.map((s) => ({ key: s, label: T.stages[s], pick: (x: PublishedSystem) => x.stage === s })) },
    { group: T.byKind, items: KINDS.map((k) => ({ key: k, label: T.kinds[k], pick: (x: PublishedSystem) => x.kind === k })) },
  ];
}

function indexPage(lang: Lang, input: SiteInput, current: Filter | undefined): SiteFile {
  const T = SITE_TEXT[lang];
  const all = input.systems[lang];
  const shown = current ? all.filter(current.pick) : all;
  const path = current ? `${base(lang)}filter/${current.key}.html` : `${base(lang)}index.html`;
  const altPath = current ? `${base(other(lang))}filter/${current.key}.html` : `${base(other(lang))}index.html`;
  const link = (f: Filter | undefined, count: number): Element => {
    const target = f ? `${base(lang)}filter/${f.key}.html` : `${base(lang)}index.html`;
    const here = f?.key === current?.key;
    return h('li', [h('a', { href: rel(path, target), ...(here ? { 'aria-current': 'page' } : {}) }, `${f ? f.label : T.all} (${count})`)]);
  };
  const title = current ? `${T.siteTitle}: ${current.label}` : T.siteTitle;
  const countText = fillText(T.count, { n: shown.length, total: all.length });
  const main: ElementContent[] = [
    h('h1', title),
    h('p', fillText(T.intro, { organisation: input.organisation })),
    h('nav', { 'aria-labelledby': 'filters' }, [
      h('h2', { id: 'filters' }, T.filters),
      h('ul', { className: ['filters'] }, [link(undefined, all.length)]),
      ...filters(lang).flatMap((g) => [h('h3', g.group), h('ul', { className: ['filters'] }, g.items.map((f) => link(f, all.filter(f.pick).length)))]),
    ]),
    h('div', { className: ['search'], hidden: true, 'data-search': '' }, [
      h('label', { htmlFor: 'q' }, T.search),
      h('input', { type: 'search', id: 'q', name: 'q', autoComplete: 'off' }),
    ]),
    h('noscript', [h('p', T.searchHint)]),
    h('h2', { id: 'systems' }, T.systems),
    h('p', { id: 'count', 'aria-live': 'polite', 'data-template': fillText(T.count, { total: all.length }) }, countText),
    shown.length
      ? h(
          'ul',
          { className: ['systems'], 'aria-labelledby': 'systems' },
          shown.map((s) =>
            h('li', { 'data-text': `${s.title} ${s.description ?? ''} ${s.stageText} ${s.kindText}`.toLowerCase() }, [
              h('h3', [h('a', { href: rel(path, `${base(lang)}${systemsDir(lang)}/${s.slug}.html`) }, s.title)]),
              ...(s.description ? [h('p', s.description)] : []),
              h('p', { className: ['meta'] }, `${T.stage}: ${s.stageText} · ${T.kind}: ${s.kindText}`),
            ]),
          ),
        )
      : h('p', T.noResults),
  ];
  return { path, content: page(lang, path, title, altPath, input.organisation, input.asOf, main) };
}

function systemPage(lang: Lang, input: SiteInput, s: PublishedSystem): SiteFile {
  const T = SITE_TEXT[lang];
  const path = `${base(lang)}${systemsDir(lang)}/${s.slug}.html`;
  const altPath = `${base(other(lang))}${systemsDir(other(lang))}/${s.slug}.html`;
  const main: ElementContent[] = [
    h('p', [h('a', { href: rel(path, `${base(lang)}index.html`) }, T.back)]),
    h('h1', s.title),
    s.description ? h('p', { className: ['lead'] }, s.description) : h('p', [h('span', { className: ['not-stated'] }, `${T.description}: ${T.notStated}`)]),
    h('dl', [
      h('dt', T.stage),
      h('dd', s.stageText),
      h('dt', T.kind),
      h('dd', s.kindText),
      ...s.fields.flatMap((f) => [h('dt', f.label), h('dd', valueContent(f.value, lang))]),
    ]),
  ];
  return { path, content: page(lang, path, s.title, altPath, input.organisation, input.asOf, main) };
}

const CSS = `*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #004b87;flex-wrap:wrap;gap:.5rem}
.site{margin:0;font-weight:700}
a{color:#004b87;text-decoration:underline}
a:focus-visible,input:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
h1{font-size:1.8rem;line-height:1.2}
.filters{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
[aria-current=page]{font-weight:700;text-decoration:none;border-bottom:3px solid #004b87}
.search{margin:1rem 0}
.search label{display:block;font-weight:700}
.search input{font:inherit;padding:.4rem;width:100%;max-width:30rem;border:2px solid #555}
.systems{list-style:none;padding:0}
.systems li{border-top:1px solid #999;padding:.5rem 0}
.systems h3{margin:.25rem 0;font-size:1.2rem}
.meta{color:#444;font-size:.95rem}
.lead{font-size:1.15rem}
dl{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:.5rem 1rem}
dt{font-weight:700}
dd{margin:0}
dd p:first-child{margin-top:0}
.not-stated{color:#555;font-style:italic}
footer{border-top:1px solid #999;color:#444;font-size:.9rem;margin-top:2rem}
@media (max-width:40rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
`;

// Progressive enhancement: shows the search box and filters the list as one types.
const JS = `document.querySelectorAll('[data-search]').forEach(function(box){
  var input=box.querySelector('input');var items=Array.prototype.slice.call(document.querySelectorAll('[data-text]'));
  var count=document.getElementById('count');box.hidden=false;
  input.addEventListener('input',function(){var q=input.value.trim().toLowerCase();var n=0;
    items.forEach(function(li){var show=!q||li.getAttribute('data-text').indexOf(q)>=0;li.hidden=!show;if(show)n++;});
    if(count)count.textContent=count.getAttribute('data-template').replace('{n}',String(n));});
});
`;

export function buildSite(input: SiteInput): SiteFile[] {
  const files: SiteFile[] = [
    { path: 'assets/site.css', content: CSS },
    { path: 'assets/search.js', content: JS },
  ];
  for (const lang of LANGS) {
    files.push(indexPage(lang, input, undefined));
    for (const g of filters(lang)) for (const f of g.items) files.push(indexPage(lang, input, f));
    for (const s of input.systems[lang]) files.push(systemPage(lang, input, s));
  }
  return files;
}
