// Equivalence of the YAML subset parser (strategy/parse/yaml-subset.ts) with the yaml package.
//
// The subset parser reads the YAML that strategy files use and declines everything else, which
// the yaml package then reads (docs/architecture.md, "Performance code that stays, and why").
// Whenever it accepts a text, it must
// give exactly what the yaml package gives: the same value, the same node tree (kinds, ranges,
// key texts: YamlSource.describe()), the same answers to YamlSource's lookups – and it may only
// accept texts on which the yaml package reports no problem.
//
// The texts: the front matter and YAML files of examples/herne and test/fixtures, the `strategy
// init` and `strategy new measure` templates, a repository of bench/generate.mjs; deterministic
// mutations of all of them (test/helpers/yaml-variants.ts: line ends, blank lines, comments,
// quoting, flow and block scalar forms, look-alike scalars and keys, tabs, anchors, Unicode …);
// random documents of the subset grammar. A failure shows the text (JSON), the mutation that made
// it and a shrunk text (lines, then characters removed while it still fails); YAML_SUBSET_SHOW=50
// lists more than the first 5 differences per test.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { YamlSource } from '../strategy/parse/yaml';
import { splitFrontMatter } from '../strategy/parse/markdown';
import { decodeUtf8, LineIndex } from '../strategy/text';
import { planInit } from '../strategy/templates/init';
import { renderMeasure } from '../strategy/templates/measure';
import type { Model } from '../strategy/model/types';
import type { Path } from '../strategy/types';
import { COMMON, RARE, combined, prng, randomDocument, randomScalarDocument, type Rand } from './helpers/yaml-variants';

const PROJECT = join(__dirname, '..');

interface Sample {
  /** Where the text comes from (file, template, generator) and how it was changed. */
  name: string;
  /** The YAML text as YamlSource gets it. */
  yaml: string;
  /** The whole file and the offset of the YAML in it (front matter), for the line/column lookups. */
  file?: string;
  offset?: number;
}

// --- the corpus ---------------------------------------------------------------------------------

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (/\.(md|markdown|ya?ml)$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** The YAML of one file as strategy/parse/file.ts hands it to YamlSource (front matter of Markdown files). */
function sampleOf(name: string, content: Uint8Array | string, markdown: boolean): Sample | undefined {
  const decoded = decodeUtf8(content);
  if (!decoded.ok || decoded.text.includes('\0')) return undefined;
  const text = decoded.text;
  if (!markdown) return { name, yaml: text, file: text, offset: 0 };
  const split = splitFrontMatter(text);
  if (split.yaml === undefined || split.unclosed) return undefined;
  return { name, yaml: split.yaml, file: text, offset: split.yamlOffset };
}

function samplesUnder(dir: string): Sample[] {
  return filesUnder(join(PROJECT, dir))
    .map((p) => sampleOf(relative(PROJECT, p), readFileSync(p), /\.(md|markdown)$/i.test(p)))
    .filter((s): s is Sample => s !== undefined);
}

/**
 * The `strategy init` templates of both languages as `strategy init` writes them (planInit), and
 * the measure `strategy new measure` writes (renderMeasure), with and without an AI application.
 */
function templateSamples(): Sample[] {
  const base = join(PROJECT, 'cli', 'templates');
  const read = (folder: string) =>
    readdirSync(join(base, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.tmpl'))
      .sort()
      .map((f) => ({ path: f.split('\\').join('/'), text: readFileSync(join(base, folder, f), 'utf8') }));
  const out: Sample[] = [];
  const model = { fields: [{ id: 'verwaltung' }, { id: 'bildung' }], goals: [{ id: 'Z-ONLINE' }, { id: 'Z-KI' }], measures: [] } as unknown as Model;
  for (const lang of ['de', 'en'] as const) {
    for (const f of planInit({ common: read('init/common'), lang: read(`init/${lang}`) }, {}, new Date(Date.UTC(2026, 5, 1)), '0.1.0')) {
      const s = /\.(md|ya?ml)$/.test(f.path) ? sampleOf(`strategy init (${lang}): ${f.path}`, f.content, f.path.endsWith('.md')) : undefined;
      if (s) out.push(s);
    }
    const templates = { measure: readFileSync(join(base, 'measure', lang, 'measure.md.tmpl'), 'utf8'), ai: readFileSync(join(base, 'measure', lang, 'ai.yaml.tmpl'), 'utf8') };
    for (const ai of [undefined, { category: 'chatbot', risk: 'limited' }]) {
      for (const field of [undefined, 'verwaltung']) {
        const text = renderMeasure(lang, { id: 'KI-CHATBOT', title: 'KI-Chatbot: „Frag die Stadt“ #1', field, ai, model }, templates, 2026);
        const s = sampleOf(`strategy new measure (${lang}${ai ? ', ai' : ''}${field ? ', field' : ''})`, text, true);
        if (s) out.push(s);
      }
    }
  }
  return out;
}

// --- the comparison -----------------------------------------------------------------------------

/** Every path into a value (mapping keys, sequence indices), the root first; at most `max`. */
function pathsOf(value: unknown, max = 3000): Path[] {
  const out: Path[] = [];
  const stack: Array<[unknown, Path]> = [[value, []]];
  while (stack.length && out.length < max) {
    const [v, p] = stack.pop()!;
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...p, i]]));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], [...p, k]]);
  }
  return out;
}

function parse(s: Sample, subset: boolean): YamlSource {
  const lines = new LineIndex(s.file ?? s.yaml);
  return subset ? new YamlSource(s.yaml, lines, s.offset ?? 0) : new YamlSource(s.yaml, lines, s.offset ?? 0, { subset: false });
}

const KINDS = ['none', 'map', 'seq', 'scalar', 'other'];

/**
 * Where two describe() trees first differ: the node's path, both records (kind, start, value end,
 * node end, key text) and the text around the offsets that differ.
 */
function firstDifference(subset: unknown, yaml: unknown, text: string, at = 'root'): string | undefined {
  if (!Array.isArray(subset) || !Array.isArray(yaml)) return subset === yaml ? undefined : `${at}: subset ${JSON.stringify(subset)}, yaml ${JSON.stringify(yaml)}`;
  const head = (n: unknown[]) => n.filter((x) => !Array.isArray(x));
  const [hs, hy] = [head(subset), head(yaml)];
  if (JSON.stringify(hs) !== JSON.stringify(hy)) {
    const show = (n: unknown[]) => `${KINDS[n[0] as number] ?? n[0]} start ${n[1]} value end ${n[2]} node end ${n[3]}${n.length > 4 ? ` key ${JSON.stringify(n[4])}` : ''}`;
    const offsets = [...new Set([1, 2, 3].filter((i) => hs[i] !== hy[i]).flatMap((i) => [hs[i], hy[i]] as number[]))].sort((x, y) => x - y);
    const context = offsets.map((o) => `${o}: ${JSON.stringify(text.slice(Math.max(0, o - 12), o))}|${JSON.stringify(text.slice(o, o + 12))}`).join(', ');
    return `${at}: subset ${show(hs)}; yaml ${show(hy)} (at ${context})`;
  }
  const cs = subset.find(Array.isArray) as unknown[] | undefined;
  const cy = yaml.find(Array.isArray) as unknown[] | undefined;
  if (!cs || !cy) return cs === cy ? undefined : `${at}: children differ`;
  if (cs.length !== cy.length) return `${at}: subset has ${cs.length} children, yaml ${cy.length}`;
  for (let i = 0; i < cs.length; i++) {
    const kind = KINDS[hs[0] as number];
    if (kind === 'map') {
      const [ks, vs] = cs[i] as unknown[];
      const [ky, vy] = cy[i] as unknown[];
      const d = firstDifference(ks, ky, text, `${at}.key[${i}]`) ?? firstDifference(vs, vy, text, `${at}.value[${i}]`);
      if (d) return d;
    } else {
      const d = firstDifference(cs[i], cy[i], text, `${at}[${i}]`);
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * Whether the subset parser accepted the text; throws when it accepted and differs from the yaml
 * package (or threw).
 */
function compare(s: Sample): boolean {
  const a = parse(s, true);
  if (a.parsedBy !== 'subset') return false;
  const b = parse(s, false);
  assert.equal(b.parsedBy, 'yaml');
  assert.deepStrictEqual(b.problems, [], 'the subset parser accepted a text on which the yaml package reports problems');
  assert.deepStrictEqual(a.problems, [], 'problems of the subset parse');
  assert.deepStrictEqual(a.value, b.value, 'value');
  // deepStrictEqual ignores the order of keys; outputs do not.
  assert.deepStrictEqual(pathsOf(a.value), pathsOf(b.value), 'order of keys and items');
  const tree = firstDifference(a.describe(), b.describe(), s.yaml);
  assert.ok(tree === undefined, `node tree (describe()): ${tree}`);
  assert.deepStrictEqual(a.rootRange(), b.rootRange(), 'rootRange()');
  for (const path of pathsOf(b.value)) {
    const at = JSON.stringify(path);
    assert.deepStrictEqual(a.locate(path), b.locate(path), `locate(${at})`);
    assert.deepStrictEqual(a.locate(path, 'key'), b.locate(path, 'key'), `locate(${at}, 'key')`);
    assert.deepStrictEqual(a.locate([...path, 'missing']), b.locate([...path, 'missing']), `locate(${at} + missing)`);
    assert.equal(a.rawText(path), b.rawText(path), `rawText(${at})`);
  }
  const items = (x: YamlSource) => x.sequenceItems().map((n) => n && [n.kind, n.range]);
  assert.deepStrictEqual(items(a), items(b), 'sequenceItems()');
  if (b.value && typeof b.value === 'object' && !Array.isArray(b.value)) {
    for (const [key, v] of Object.entries(b.value)) {
      if (!Array.isArray(v)) continue;
      for (let i = -1; i <= v.length; i++) assert.deepStrictEqual(a.itemOf(key, i)?.range, b.itemOf(key, i)?.range, `itemOf(${JSON.stringify(key)}, ${i})`);
    }
  }
  return true;
}

/** The difference, or undefined when the subset parser declines or agrees. */
function mismatch(s: Sample): string | undefined {
  try {
    compare(s);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Removes lines, then characters, while the text still fails the same way: the shortest text for the lead's debugger. */
function shrink(text: string): string {
  const kind = (t: string) => mismatch({ name: '', yaml: t })?.split(/[:(]/)[0];
  const want = kind(text);
  const fails = (t: string) => kind(t) === want;
  let parts = text.split(/(?<=\n)/);
  for (const unit of ['line', 'character']) {
    if (unit === 'character') parts = [...parts.join('')];
    for (let changed = true, rounds = 0; changed && rounds < 10; rounds++) {
      changed = false;
      for (let i = parts.length - 1; i >= 0 && parts.length > 1; i--) {
        const fewer = [...parts.slice(0, i), ...parts.slice(i + 1)];
        if (fails(fewer.join(''))) {
          parts = fewer;
          changed = true;
        }
      }
    }
  }
  return parts.join('');
}

/** How many differences a failure lists (each shrunk): YAML_SUBSET_SHOW=50 for more. */
const SHOW = Number(process.env.YAML_SUBSET_SHOW ?? 5);

const firstLines = (message: string, n: number) => message.split('\n').slice(0, n).join('\n  ');

/** Checks every sample; fails with the first few differences (shortest first), each with its text. */
function checkAll(samples: Sample[]): { accepted: number } {
  const failures: Array<{ s: Sample; message: string }> = [];
  let accepted = 0;
  const seen = new Set<string>();
  for (const s of samples) {
    const key = `${s.offset ?? 0}\u0000${s.file ?? ''}\u0000${s.yaml}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      if (compare(s)) accepted++;
    } catch (e) {
      failures.push({ s, message: e instanceof Error ? e.message : String(e) });
    }
  }
  if (failures.length) {
    failures.sort((x, y) => x.s.yaml.length - y.s.yaml.length);
    const shown = failures.slice(0, SHOW).map(({ s, message }) => {
      const shrunk = mismatch({ name: '', yaml: s.yaml }) ? shrink(s.yaml) : undefined;
      const shrunkMessage = shrunk !== undefined && shrunk !== s.yaml ? `\n  shrunk: ${JSON.stringify(shrunk)}\n  ${firstLines(mismatch({ name: '', yaml: shrunk }) ?? '', 12)}` : '';
      return `• ${s.name}\n  text: ${JSON.stringify(s.yaml)}\n  ${firstLines(message, 30)}${shrunkMessage}`;
    });
    assert.fail(`${failures.length} of ${seen.size} texts differ between the subset parser and the yaml package:\n${shown.join('\n')}`);
  }
  return { accepted };
}

/** The mutations of one sample: every one of `names` once, plus `combos` random combinations. */
function variants(s: Sample, r: Rand, names: string[], combos: number): Sample[] {
  const all = { ...COMMON, ...RARE };
  const out: Sample[] = [];
  for (const name of names) {
    const text = all[name](s.yaml, r);
    if (text !== undefined && text !== s.yaml) out.push({ name: `${s.name} · ${name}`, yaml: text });
  }
  for (let i = 0; i < combos; i++) {
    const c = combined(s.yaml, r);
    if (c) out.push({ name: `${s.name} · ${c.name}`, yaml: c.text });
  }
  return out;
}

/** Asserts that the subset parser accepts every sample (the fast path is taken); names the first that it declines. */
function assertAccepted(samples: Sample[]): void {
  const declined = samples.filter((s) => parse(s, true).parsedBy !== 'subset');
  const shown = declined.slice(0, 8).map((s) => `• ${s.name}\n  text: ${JSON.stringify(s.yaml)}`);
  assert.equal(declined.length, 0, `the subset parser declines ${declined.length} of ${samples.length} texts:\n${shown.join('\n')}`);
}

// --- the tests ----------------------------------------------------------------------------------

describe('YAML subset parser: the same result as the yaml package', function () {
  this.timeout(60_000);
  let dir = '';
  let generated: Sample[] = [];
  let examples: Sample[] = [];
  let fixtures: Sample[] = [];
  let templates: Sample[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yaml-subset-'));
    const { generate } = (await import(pathToFileURL(join(PROJECT, 'bench', 'generate.mjs')).href)) as { generate: (n: number, o: { dir: string; force: boolean }) => string };
    const repo = generate(200, { dir: join(dir, 'm200'), force: true });
    generated = filesUnder(repo).map((p) => sampleOf(`bench m200/${relative(repo, p)}`, readFileSync(p), p.endsWith('.md'))!);
    examples = samplesUnder('examples/herne');
    fixtures = samplesUnder('test/fixtures');
    templates = templateSamples();
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the corpus: generated repository, examples/herne, test/fixtures, templates', () => {
    assert.ok(generated.filter((s) => s.name.endsWith('.md')).length >= 200, 'generated measures');
    assert.ok(examples.length >= 30 && fixtures.length >= 300 && templates.length >= 12, `${examples.length} examples, ${fixtures.length} fixtures, ${templates.length} templates`);
    checkAll([...generated, ...examples, ...fixtures, ...templates]);
  });

  // Coverage: the fast path is taken where it matters (every generated and example measure, also
  // with CRLF, trailing spaces, blank lines and comments), not only correct where it is taken.
  it('takes the fast path for every measure of the generated repository and of examples/herne', () => {
    const measures = [...generated, ...examples].filter((s) => /\.md$/.test(s.name) && /measures\//.test(s.name));
    assert.ok(measures.length >= 220);
    assertAccepted(measures);
  });

  // A new repository's files: `strategy init`'s measures and strategy.yaml, `strategy new measure`
  // (with and without AI). Their commented-out fields after the last entry of a block (`  # ropa:
  // true` before `ai:`) and comments after the last value sent them to the slow path before.
  it('takes the fast path for the measures and strategy.yaml that strategy init and strategy new measure write', () => {
    const written = templates.filter((s) => /measures\/.*\.md$|strategy\.yaml$|strategy new measure/.test(s.name));
    assert.ok(written.length >= 12, `${written.length} files`);
    assertAccepted(written);
  });

  it('takes the fast path for generated measures with CRLF, no final newline, trailing spaces, blank lines and comments', () => {
    const r = prng(1);
    const measures = generated.filter((s) => s.name.endsWith('.md')).slice(0, 60);
    const mutated = measures.flatMap((s) => variants(s, r, Object.keys(COMMON), 0));
    assert.ok(mutated.length >= measures.length * (Object.keys(COMMON).length - 1));
    assertAccepted(mutated);
  });

  it('agrees on every common mutation of the generated repository', () => {
    const r = prng(2);
    checkAll(generated.flatMap((s) => variants(s, r, Object.keys(COMMON), 0)));
  });

  it('agrees on every mutation of examples/herne and the templates', () => {
    const r = prng(3);
    checkAll([...examples, ...templates].flatMap((s) => variants(s, r, [...Object.keys(COMMON), ...Object.keys(RARE)], 4)));
  });

  it('agrees on mutations of the generated repository and test/fixtures', () => {
    const r = prng(4);
    const rare = Object.keys(RARE);
    // Each text gets the common mutations, a quarter of the rare ones (a different quarter per text) and combinations.
    const some = () => rare.filter(() => r() < 0.25);
    checkAll([...generated.slice(0, 50), ...fixtures].flatMap((s) => variants(s, r, [...Object.keys(COMMON), ...some()], 2)));
  });

  it('agrees on random documents of the subset grammar', () => {
    const r = prng(5);
    // Mostly usual documents (which the subset parser takes), some with many tricky choices.
    const docs = Array.from({ length: 3500 }, (_, i) => {
      const tricky = i % 3 === 2 ? 0.5 : 0.02;
      return { name: `random document ${i} (tricky ${tricky})`, yaml: randomDocument(r, tricky) };
    });
    checkAll(docs);
  });

  it('agrees on random scalars, flow sequences and block scalars in random places', () => {
    const r = prng(6);
    checkAll(Array.from({ length: 2000 }, (_, i) => ({ name: `random scalars ${i}`, yaml: randomScalarDocument(r) })));
  });

  it('agrees on small hand-written texts at the edges of the subset', () => {
    const texts = [
      '', '\n', ' ', '#', '# c\n', '---\n', '...\n', '~', 'a', '- a', 'a:', 'a: ', 'a:\n', 'a: b', 'a: b\n', 'a: b\r\n', 'a: b\r', '\ufeffa: b\n',
      'a:\n- b\n', 'a:\n  - b\n  - c\n', 'a:\n- b\nc: d\n', '- a: b\n  c: d\n- e\n', '- - a\n', '-\n  a: b\n', '- a:\n  - b\n',
      'a: [b, c]\n', 'a: [ b,c ]\n', 'a: []\n', 'a: [b,]\n', 'a: [b: c]\n', 'a: {b: c}\n', 'a: [b, [c]]\n',
      'a: |\n  x\n', 'a: |\n  x\n\n', 'a: |-\n  x\n', 'a: |+\n  x\n\n', 'a: >\n  x\n  y\n\n  z\n', 'a: >\n  x\n    y\n  z\n', 'a: |2\n   x\n', 'a: |\n', 'a: >-\n\n  x\n', 'a: |\n  x\nb: c', 'a: |\n  x', 'a: |\n  x\n ',
      "a: 'b''c'\n", 'a: "b\\tc"\n', 'a: "b\\\\"\n', "a: ''\n", 'a: ""\n', 'a: \'b\' # c\n', 'a: "b" # c\n', 'a: b # c\n', 'a: b #c\n', 'a: b#c\n', 'a: b\t# c\n',
      '1: x\n', 'true: x\n', 'null: x\n', '~: x\n', '__proto__: x\n', '__proto__: [a]\n', 'a: 1\na: 2\n', 'a: b: c\n', 'a: b:c\n', 'title: a: b\n', '? a\n: b\n',
      'a: &x b\nc: *x\n', 'a: !!str 1\n', 'a:\tb\n', '\ta: b\n', 'a:\n\tb: c\n', 'a: b\n---\nc: d\n', 'a: b\n...\n', '--- a: b\n',
      'a: 1\nb: -0\nc: +5\nd: 1.5\ne: 1e3\nf: 0x1F\ng: 0o17\nh: .inf\ni: ~\nj: Null\nk: TRUE\nl: 1_000\nm: 2027-08\nn: 12:30\no: .NaN\np: -.Inf\n',
      '"a": 1\na: 2\n', '1: a\n\'1\': b\n', '1: a\n1.0: b\n', '0x1: a\n1: b\n', '~: a\nnull: b\n', 'true: a\n\'true\': b\n', 'b: 1\n1: 2\n', ': a\n', '"a\\tb": 1\n',
      '__proto__:\n  a: 1\n', 'a:\n  __proto__: [1]\n  b: 2\n', '- __proto__: x\n', 'constructor: 1\ntoString: 2\n',
      'a: 0.0\nb: -0.0\nc: .NAN\nd: .Nan\ne: +0x1F\nf: -0x1F\ng: +0o17\nh: 1e-3\ni: 1.5E+3\nj: 0e0\nk: +.inf\nl: 0X1F\nm: 9007199254740993\nn: 1e400\n',
      'a: "x\n  y"\n', "a: 'x\n  y'\n", 'a: "x\\\n  y"\n', "a: 'a' b\n", 'a: b   # c\n', 'a: b   \n', 'a: [b]   # c\n', 'a:   \n  b: c\n',
      'a: >\n  x\n\n    y\n  z\n', 'a: >\n  x\n  \ty\n', 'a: >-\n    x\n  y\n', 'a: |\n    x\n  y\n', 'a: |\n  \n    x\n', 'a: |\n      \n    x\n', 'a: |-\n  x\n\n\n', 'a: |+\n  x\n\n\n', 'a: |+\n  x\n\n  ', 'a: >+\n  x', 'a: |\n  x\n# c\n', 'a: |\n  x\n  # c\n', 'a: | # c\n  x\n', 'a: |\n\tx\n',
      `${'k'.repeat(1100)}: v\n`, `a: ${'v '.repeat(3000)}\n`, `a: [${'x, '.repeat(500)}y]\n`,
      'null: x\n', '1.0: x\n', '0x1F: x\n', '1e3: x\n', '.inf: x\n', '-0: x\n', '0o17: x\n', 'TRUE: x\n', '1_000: x\n', '2027-08: x\n', '12:30: x\n', '1: [a]\n2:\n  3: b\n',
      'a: ü\n', 'ü: a\n', 'a: 😀\n', 'a: b\u2028c\n', 'a: b\u00a0\n', 'a:\u00a0b\n', 'a: b\n  c\n', 'a: b\n\n  c\n', 'a:\n  b\n',
    ];
    // Nesting around YAML_LIMITS.maxDepth (64): deeper is a problem, so the subset parser must decline it.
    for (const depth of [63, 64, 65, 66, 200]) {
      texts.push(Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' x\n');
      texts.push(Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}- `).join('\n') + 'x\n');
      texts.push(`${'- '.repeat(depth)}x\n`);
    }
    checkAll(texts.map((yaml) => ({ name: `hand-written ${JSON.stringify(yaml.slice(0, 200))}`, yaml })));
  });

  /** A text the subset parser must take, with the same result as the yaml package's. */
  const taken = (yaml: string) => assert.equal(checkAll([{ name: 'case', yaml }]).accepted, 1, `taken: ${JSON.stringify(yaml)}`);

  // Differences the test found, shrunk: one case each, named by what differed.
  describe('cases that once differed', () => {
    const agrees = (yaml: string) => checkAll([{ name: 'case', yaml }]);
    it("a sequence at its key's indentation in a nested mapping, then a comment line: the sequence's node end", () => agrees('x:\n  o:\n  - a\n  # c\n  i: 1\n'));
    // Found in a draft of the parser (before it landed):
    it("an empty value with a comment after it, the next entry indented: the empty value's node end", () => agrees('- a: # c\n  b: 1\n'));
    it("an empty value, then a comment line: the empty value's node end", () => agrees('m:\n# c\nt: x\n'));
    it("an empty value with a comment, then a line of spaces: the mapping's end", () => agrees('p: #\n '));
  });

  // Comment lines at a block's own indentation after its last entry end that block (its node end
  // reaches the next content): taken, and the same as the yaml package's.
  describe('comments after the last entry of a block, taken by the subset parser', () => {
    it('a nested mapping, then the parent goes on', () => taken('a:\n  b: 1\n  # c\n  # d\nd: 1\n'));
    it('with blank lines around the comment', () => taken('a:\n  b: 1\n\n  # c\n\nd: 1\n'));
    it('two levels closing, the comment at the outer one', () => taken('a:\n  b:\n    c: 1\n  # x\nd: 1\n'));
    it('two levels closing, the comment at the inner one', () => taken('a:\n  b:\n    c: 1\n    # x\nd: 1\n'));
    it('the next entry indented (the end takes its indentation)', () => taken('a:\n  b:\n    c: 1\n    # x\n  d: 1\n'));
    it('a mapping in a sequence item', () => taken('a:\n  - b: 1\n    # c\n  - d\n'));
    it('a sequence', () => taken('a:\n  b:\n    - c\n    # x\n  d: 1\n'));
    it('after a block scalar', () => taken('a:\n  b: |\n    x\n  # c\nd: 1\n'));
    it('at the end of the document, nested', () => taken('x: 1\na:\n  b: 1\n  # c\n'));
    it('at the end of the document, at column 0', () => taken('a:\n  b: 1\n# c\n'));
  });

  // One-line flow mappings of plain values, as the hints of `strategy new measure` suggest them
  // for funding, milestones and waivers: taken, and the same as the yaml package's.
  describe('flow mappings on one line, taken by the subset parser', () => {
    it('as sequence items', () => taken('funding:\n  - {source: own, status: planned, amount: 100000}\n  - { source: efre, status: applied }  # c\n'));
    it('with odd spacing', () => taken('m: { a: 1 ,b: x }\n'));
    it('empty', () => taken('m: {}\nn: { }\n'));
    it('a milestone as the template writes it', () => taken('milestones:\n  - {id: start, title: Projektstart, date: 2027-03-31, status: open}\n'));
  });
});
