// Limits that keep hostile repositories from exhausting memory, stack or time: file size, YAML
// aliases and nesting, Markdown bodies, and work that grows linearly with the number of measures.
import { strict as assert } from 'node:assert';
import { StrategyWorkspace, type Finding, type LintResult, type Measure } from '../strategy/index';
import { DEFAULT_LIMITS } from '../strategy/parse/file';
import { MAX_REPORTS_PER_RULE } from '../strategy/workspace';
import { MAX_RELATED, PER_ENTRY_UP_TO } from '../strategy/rules/structure/dependency-cycle';
import { MAX_SCHEMA_PROBLEMS } from '../strategy/schema/validate';
import { YAML_LIMITS } from '../strategy/parse/yaml';
import { renderRoadmap } from '../strategy/diagrams/index';
import { buildReport, reportToMarkdown } from '../strategy/report/index';
import { exportModel, measuresCsv } from '../strategy/export/index';
import { aliasBomb, deepNesting, rangeProblems, textOf } from './helpers/arbitraries';

const AS_OF = '2026-06-01';
const STRATEGY = 'schema: 1\ntitle: Digitalstrategie Teststadt\norganisation: Stadt Teststadt\nfields:\n  - { id: verwaltung, title: Verwaltung }\n';
/** A healthy measure with one known finding (an unknown field), to show that the rest is still linted. */
const GOOD = '---\nid: GOOD\ntitle: Gute Maßnahme\nstatus: planned\nfield: verwaltng\n---\n';

function lintFiles(files: Record<string, string | Uint8Array>, limits?: { maxFileBytes: number }): LintResult {
  const ws = new StrategyWorkspace(limits);
  ws.setFile('strategy.yaml', STRATEGY);
  ws.setFile('measures/good.md', GOOD);
  for (const [path, content] of Object.entries(files)) ws.setFile(path, content);
  const result = ws.lint({ asOf: AS_OF });
  // Whatever the file, its findings point into it.
  const all = { 'strategy.yaml': STRATEGY, 'measures/good.md': GOOD, ...files };
  for (const f of result.findings) assert.deepEqual(rangeProblems(textOf(all[f.file as keyof typeof all]), f.range), [], `${f.file}: ${f.message.en}`);
  return result;
}

const inFile = (result: LintResult, file: string) => result.findings.filter((f) => f.file === file);
const describeAll = (list: Finding[]) => list.map((f) => `${f.rule}: ${f.message.en}`);

function assertRestLinted(result: LintResult): void {
  assert.ok(
    result.findings.some((f) => f.file === 'measures/good.md' && f.rule === 'unknown-reference'),
    'the healthy measure was not linted',
  );
}

describe('hostile input: limits', function () {
  this.timeout(120_000);

  describe('file size', () => {
    const measure = (size: number) => {
      const head = '---\nid: BIG\ntitle: Groß\nstatus: planned\n---\n';
      // 'ä' is two bytes in UTF-8: the limit counts bytes, for strings as for file contents.
      const rest = size - new TextEncoder().encode(head).length;
      const text = head + 'ä'.repeat(Math.floor(rest / 2)) + (rest % 2 ? 'x' : '');
      assert.equal(new TextEncoder().encode(text).length, size);
      return text;
    };

    for (const form of ['string', 'bytes'] as const) {
      it(`a file above maxFileBytes is reported, not parsed (${form})`, () => {
        const as = (t: string) => (form === 'string' ? t : new TextEncoder().encode(t));
        const over = lintFiles({ 'measures/big.md': as(measure(1001)) }, { maxFileBytes: 1000 });
        assert.deepEqual(describeAll(inFile(over, 'measures/big.md')), ['yaml-syntax: File too large (1001 bytes, limit 1000): not evaluated']);
        assert.ok(!over.model.measureById.has('BIG'), 'an oversized file must not be parsed');
        assertRestLinted(over);

        const at = lintFiles({ 'measures/big.md': as(measure(1000)) }, { maxFileBytes: 1000 });
        assert.ok(at.model.measureById.has('BIG'), 'a file exactly at the limit is parsed');
        assert.ok(!inFile(at, 'measures/big.md').some((f) => f.rule === 'yaml-syntax'));
      });
    }

    it('the default limit is 2 MiB', () => {
      assert.equal(DEFAULT_LIMITS.maxFileBytes, 2 * 1024 * 1024);
      const over = lintFiles({ 'measures/big.md': measure(2 * 1024 * 1024 + 1) });
      assert.deepEqual(describeAll(inFile(over, 'measures/big.md')), ['yaml-syntax: File too large (2097153 bytes, limit 2097152): not evaluated']);
      const at = lintFiles({ 'measures/big.md': measure(2 * 1024 * 1024) });
      assert.ok(at.model.measureById.has('BIG'));
    });

    it('an oversized strategy.yaml is reported; measures are read with the default include', () => {
      const ws = new StrategyWorkspace({ maxFileBytes: 100 });
      ws.setFile('strategy.yaml', STRATEGY + '# ' + 'x'.repeat(100) + '\n');
      ws.setFile('measures/good.md', GOOD);
      const result = ws.lint({ asOf: AS_OF });
      assert.deepEqual(describeAll(inFile(result, 'strategy.yaml')).map((m) => m.split(' (')[0]), ['yaml-syntax: File too large']);
      assert.ok(result.model.measureById.has('GOOD'));
    });

  });

  describe('YAML aliases', () => {
    const aliasFinding = `yaml-syntax: Too many YAML aliases (more than ${YAML_LIMITS.maxAliasCount}): file not evaluated (protection against alias bombs)`;

    it('a billion-laughs document gives one finding, in strategy.yaml, front matter and measure files', () => {
      const bomb = aliasBomb(9); // 10^9 strings if expanded
      const result = lintFiles({ 'measures/bomb.yaml': `id: BOMB\ntitle: x\nstatus: planned\n${bomb}`, 'measures/bomb.md': `---\nid: BOMB2\n${bomb}---\n` });
      assert.deepEqual(describeAll(inFile(result, 'measures/bomb.yaml')), [aliasFinding]);
      assert.deepEqual(describeAll(inFile(result, 'measures/bomb.md')), [aliasFinding]);
      assertRestLinted(result);

      const ws = new StrategyWorkspace();
      ws.setFile('strategy.yaml', STRATEGY + bomb);
      ws.setFile('measures/good.md', GOOD);
      const r = ws.lint({ asOf: AS_OF });
      assert.deepEqual(describeAll(inFile(r, 'strategy.yaml')), [aliasFinding]);
      assert.ok(r.model.measureById.has('GOOD'));
    });

    // Break 2 of issue 12: 97 aliases of a 10,000-item list (a 25 KB file) expanded to a million
    // dependencies; lint overflowed the stack after 17 s and 900 MB.
    const amplified = (items: number, uses: number, key = 'depends_on') =>
      `- id: M-0\n  title: T\n  status: idea\n  ${key}: &a [${Array.from({ length: items }, (_, i) => `X-${i % 10}`).join(',')}]\n` +
      Array.from({ length: uses }, (_, i) => `- id: M-${i + 1}\n  title: T\n  status: idea\n  ${key}: *a\n`).join('');

    for (const key of ['depends_on', 'tags']) {
      it(`aliases that multiply a large list (${key}) give one finding, and the file is not evaluated`, () => {
        const yaml = amplified(10_000, 97, key);
        assert.ok(yaml.length < 60_000);
        const result = lintFiles({ 'measures/amplified.yaml': yaml });
        assert.deepEqual(describeAll(inFile(result, 'measures/amplified.yaml')), [`yaml-syntax: YAML aliases expand this file to more than ${yaml.length + YAML_LIMITS.expansionAllowance} values: file not evaluated (protection against alias bombs)`]);
        assertRestLinted(result);
      });
    }

    it('aliases that repeat a small list a few times are fine', () => {
      const result = lintFiles({ 'measures/small.yaml': amplified(10, 20, 'tags') });
      assert.deepEqual(describeAll(inFile(result, 'measures/small.yaml')).filter((m) => m.startsWith('yaml-syntax')), []);
      assert.equal(result.model.measureById.get('M-20')?.tags?.length, 10);
    });

    it('a self-referencing alias (a recursive value) is refused, not walked forever', () => {
      const result = lintFiles({ 'measures/self.yaml': 'id: SELF\ntitle: T\nstatus: idea\ntags: &a [x, *a]\n' });
      assert.ok(describeAll(inFile(result, 'measures/self.yaml')).some((m) => m.startsWith('yaml-syntax')), describeAll(inFile(result, 'measures/self.yaml')).join('\n'));
    });

    it('a few aliases are fine', () => {
      const yaml = 'id: ALIAS\ntitle: &t Portal\nstatus: planned\nfield: verwaltung\nowner: *t\ntags: [*t, *t, *t]\n';
      const result = lintFiles({ 'measures/alias.yaml': yaml });
      assert.deepEqual(describeAll(inFile(result, 'measures/alias.yaml')).filter((m) => m.startsWith('yaml-syntax')), []);
      assert.equal(result.model.measureById.get('ALIAS')?.owner, 'Portal');
    });
  });

  describe('many values in one file', () => {
    it('a file of more than maxTokens YAML tokens is one finding, counted before any tree is built', () => {
      const list = `id: MANY\ntitle: T\nstatus: idea\ntags: [${'1,'.repeat(YAML_LIMITS.maxTokens / 2)}1]\n`;
      const result = lintFiles({ 'measures/many.yaml': list });
      assert.deepEqual(describeAll(inFile(result, 'measures/many.yaml')), [`yaml-syntax: File has too many YAML elements (more than ${YAML_LIMITS.maxTokens}): not evaluated`]);
      assertRestLinted(result);
    });

    it(`findings per rule and measure stop at ${MAX_REPORTS_PER_RULE}, then one finding says how many more (schema and rules)`, () => {
      const n = 5_000;
      const yaml = `id: MANY\ntitle: T\nstatus: idea\ntags: [${'1,'.repeat(n - 1)}1]\ndepends_on: [${Array.from({ length: n }, (_, i) => `X-${i}`).join(',')}]\n`;
      const result = lintFiles({ 'measures/many.yaml': yaml });
      const byRule = (rule: string) => inFile(result, 'measures/many.yaml').filter((f) => f.rule === rule);
      assert.equal(byRule('schema').length, MAX_SCHEMA_PROBLEMS + 1);
      assert.equal(byRule('schema').at(-1)!.message.en, `${n - MAX_SCHEMA_PROBLEMS} more schema errors here not shown: fix the ones above first`);
      assert.equal(byRule('unknown-reference').length, MAX_REPORTS_PER_RULE + 1);
      assert.ok(byRule('unknown-reference').some((f) => f.message.en === `${n - MAX_REPORTS_PER_RULE} more findings of this rule here not shown: fix the ones above first`));
      assertRestLinted(result);
    });
  });

  describe('nesting depth', () => {
    const depthFinding = `yaml-syntax: Nested too deeply (more than ${YAML_LIMITS.maxDepth} levels): file not evaluated`;
    /** A measure with `depth` levels of collections below its own mapping. */
    const nested = (depth: number, flow: boolean) => `id: DEEP\ntitle: x\nstatus: planned\nfield: verwaltung\n${deepNesting(depth, flow)}`;

    for (const flow of [true, false]) {
      it(`${YAML_LIMITS.maxDepth} levels below the top are read, one more is one finding (${flow ? 'flow' : 'block'} style)`, () => {
        const ok = lintFiles({ 'measures/deep.yaml': nested(YAML_LIMITS.maxDepth, flow) });
        assert.ok(!inFile(ok, 'measures/deep.yaml').some((f) => f.rule === 'yaml-syntax'), describeAll(inFile(ok, 'measures/deep.yaml')).join('; '));
        assert.ok(ok.model.measureById.has('DEEP'));
        const deep = lintFiles({ 'measures/deep.yaml': nested(YAML_LIMITS.maxDepth + 1, flow) });
        assert.deepEqual(describeAll(inFile(deep, 'measures/deep.yaml')), [depthFinding]);
        assert.ok(!deep.model.measureById.has('DEEP'));
      });
    }

    it('100,000 levels give one finding, in YAML files and front matter', () => {
      const result = lintFiles({ 'measures/deep.yaml': nested(100_000, true), 'measures/deep.md': `---\n${nested(100_000, true)}---\n`, 'measures/block.yaml': nested(1_500, false) });
      for (const file of ['measures/deep.yaml', 'measures/deep.md', 'measures/block.yaml']) assert.deepEqual(describeAll(inFile(result, file)), [depthFinding], file);
      assertRestLinted(result);
    });

    it('thousands of compact sequences (`- - - … x`) before a dedent: one finding, not a stack overflow', () => {
      // The yaml package's parser recurses when it closes them, and does not catch running out of stack.
      const compact = `${'- '.repeat(20_000)}x\nb: 1\n`;
      const fromDeepStack = (depth: number): LintResult => (depth === 0 ? lintFiles({ 'measures/compact.yaml': compact, 'measures/compact.md': `---\nid: C\nx:\n${compact}---\n` }) : fromDeepStack(depth - 1));
      for (const depth of [0, 2_000]) {
        const result = fromDeepStack(depth);
        assert.deepEqual(describeAll(inFile(result, 'measures/compact.yaml')), [depthFinding], `called ${depth} frames deep`);
        assertRestLinted(result);
      }
    });

    it('findings do not depend on how deep the caller’s stack is (the parser’s stack guard must not decide)', () => {
      const files = { 'measures/deep.yaml': nested(3_000, true), 'measures/block.yaml': nested(2_000, false), 'measures/code.yaml': Array.from({ length: 300 }, (_, i) => `f${i}(a) { return [a} : {b]; }`).join('\n') };
      const shallow = JSON.stringify(lintFiles(files).findings);
      const fromDeepStack = (depth: number): string => (depth === 0 ? JSON.stringify(lintFiles(files).findings) : fromDeepStack(depth - 1));
      for (const depth of [500, 2_000, 4_000]) {
        let deep: string | undefined;
        try {
          deep = fromDeepStack(depth);
        } catch (e) {
          if (e instanceof RangeError) continue; // this test's own recursion hit the stack limit
          throw e;
        }
        assert.equal(deep, shallow, `called ${depth} frames deep`);
      }
    });
  });

  describe('dependency cycles', () => {
    // Break 3 of issue 12: a finding per entry of a cycle, each with the whole path and every member
    // as a related location – a 1,000-measure cycle made `--format sarif` fail ("Invalid string length").
    const ring = (n: number) => {
      const files: Record<string, string> = {};
      for (let i = 0; i < n; i++) files[`measures/r${i}.yaml`] = `id: R-${i}\ntitle: Ring ${i}\nstatus: planned\nfield: verwaltung\ndepends_on: [R-${(i + 1) % n}]\n`;
      return files;
    };

    it(`a cycle of more than ${PER_ENTRY_UP_TO} measures is one finding with at most ${MAX_RELATED} related locations`, () => {
      const result = lintFiles(ring(1_000));
      const cycles = result.findings.filter((f) => f.rule === 'dependency-cycle');
      assert.equal(cycles.length, 1);
      assert.ok(cycles[0].related!.length <= MAX_RELATED, `${cycles[0].related!.length} related locations`);
      assert.match(cycles[0].message.en, /^Dependency cycle through 1000 measures and milestones: R-0 → R-1 → .* → R-0\./);
      assert.ok(cycles[0].message.en.length < 400);
    });

    it('a small cycle still has a finding at each entry that closes it', () => {
      const result = lintFiles(ring(3));
      assert.equal(result.findings.filter((f) => f.rule === 'dependency-cycle').length, 3);
    });
  });

  describe('long values', () => {
    it('messages quote a long key or token only in part', () => {
      const long = 'x'.repeat(100_000);
      const result = lintFiles({ 'measures/long.yaml': `id: LONG\ntitle: t\nstatus: planned\nfield: verwaltung\n${long}: 1\n`, 'measures/token.yaml': `id: TOKEN\n"${long}"\n` });
      const messages = [...inFile(result, 'measures/long.yaml'), ...inFile(result, 'measures/token.yaml')].map((f) => f.message.de);
      assert.ok(messages.some((m) => m.startsWith('Unbekannter Schlüssel „xxx')), messages.map((m) => m.slice(0, 80)).join('\n'));
      assert.ok(messages.some((m) => m.startsWith('YAML-Syntaxfehler')), messages.map((m) => m.slice(0, 80)).join('\n'));
      for (const m of messages) assert.ok(m.length < 300, `a message of ${m.length} characters`);
    });

    it('rule messages quote a 1.6 MB reference in part, without splitting a surrogate pair', () => {
      // 78 code units, then an emoji (a surrogate pair) across the cut at 79.
      const id = 'x'.repeat(78) + '😀'.repeat(400_000);
      const result = lintFiles({ 'measures/ref.yaml': `id: REF
title: t
status: planned
field: verwaltung
depends_on: ["${id}"]
` });
      const [finding] = inFile(result, 'measures/ref.yaml').filter((f) => f.rule === 'unknown-reference');
      assert.ok(finding, describeAll(inFile(result, 'measures/ref.yaml')).join('\n'));
      assert.equal(finding.message.en, `Unknown measure "${'x'.repeat(78)}…": correct the id or remove the reference`);
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(finding.message.de), 'a lone high surrogate');
    });

    it('list placeholders shorten each item and show at most ten, the last one included', () => {
      const ids = Array.from({ length: 30 }, (_, i) => `M${i}`);
      const files: Record<string, string> = {};
      ids.forEach((id, i) => (files[`measures/c${i}.yaml`] = `id: ${id}
title: t
status: planned
field: verwaltung
depends_on: [${ids[(i + 1) % ids.length]}]
`));
      const cycle = lintFiles(files).findings.find((f) => f.rule === 'dependency-cycle' && f.file === 'measures/c0.yaml');
      assert.ok(cycle);
      assert.equal(cycle.message.en, 'Dependency cycle through 30 measures and milestones: M0 → M1 → M2 → M3 → M4 → M5 → M6 → M7 → … → M0. Remove at least one of these dependencies');
      // A list from the schema (trusted) longer than one placeholder stays whole.
      const kind = lintFiles({ 'partners.yaml': 'partners:\n  - { id: p, name: P, kind: unknown-kind-of-partner-without-any-similarity }\n' }).findings.find((f) => f.rule === 'schema' && f.file === 'partners.yaml');
      assert.ok(kind?.message.en.includes('university, research, start-up, company, municipality, public-agency, association, other'), kind?.message.en);
    });
  });

  describe('Markdown bodies', () => {
    // Without `title`, the first `#` heading is the title, so the body is parsed. remark needs time
    // quadratic in a run of emphasis markers and recurses once per nesting level.
    const hostile: Record<string, string> = {
      'an emphasis run of 100,000 characters': '*'.repeat(50_000) + 'x' + '*'.repeat(50_000),
      'interleaved emphasis': '*a '.repeat(20_000) + 'b* '.repeat(20_000),
      '30,000 nested block quotes': '> '.repeat(30_000) + 'x',
      '30,000 nested lists': '- '.repeat(30_000) + 'x',
      '30,000 open brackets': '['.repeat(30_000),
    };
    for (const [what, body] of Object.entries(hostile)) {
      it(`${what}: linted without hanging or overflowing the stack`, () => {
        const result = lintFiles({ 'measures/md.md': `---\nid: MD\nstatus: planned\nfield: verwaltung\n---\n\n${body}\n\n# Später\n` });
        assert.ok(result.model.measureById.has('MD'));
        // The heading lies beyond the part of the body the title fallback reads: the title is missing, said clearly.
        assert.deepEqual(describeAll(inFile(result, 'measures/md.md')).filter((m) => m.startsWith('schema')), ['schema: Required key "title" is missing']);
        for (const kind of ['council', 'inventory'] as const) reportToMarkdown(buildReport(result, kind));
      });
    }

    it('a heading at the start of the body is still the title', () => {
      const result = lintFiles({ 'measures/md.md': `---\nid: MD\nstatus: planned\nfield: verwaltung\n---\n\n# Titel mit *Betonung*\n\n${'*'.repeat(50_000)}\n` });
      assert.equal(result.model.measureById.get('MD')?.title, 'Titel mit Betonung');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Linear work: counted, not timed. While lint, a roadmap, a report or the export runs, every element
// that an array method or a for-of loop visits is counted, and after lint every read of a measure's
// property (the measures are behind counting proxies), so that an indexed `for` loop over the
// measures is counted too; for 4n measures the count must stay near 4 times that for n (sorting adds
// a little). A loop over all measures (or edges) inside a loop over all measures multiplies it by 16.
// (Lint itself builds its measures, so there only the array visits count; the benchmark's
// "linear: lint 5000 ≤ 5.5 × lint 1000" times it.)

function scaledRepository(n: number): Record<string, string> {
  const files: Record<string, string> = {
    'strategy.yaml': [
      'schema: 1',
      'title: Digitalstrategie Skalierstadt',
      'organisation: Stadt Skalierstadt',
      'horizon: { start: 2024, end: 2030 }',
      'ai_literacy: { description: Schulungen, since: 2025-01 }',
      'fields:',
      ...[0, 1, 2, 3, 4].map((i) => `  - { id: f${i}, title: Feld ${i} }`),
      'goals:',
      ...[0, 1, 2, 3, 4].map((i) => `  - { id: g${i}, title: Ziel ${i} KI, field: f${i} }`),
      '',
    ].join('\n'),
    'funding.yaml': 'programmes:\n' + [0, 1, 2].map((i) => `  - { id: p${i}, name: Programm ${i}, provider: state, deadline: 2026-07-0${i + 1} }`).join('\n') + '\n',
    'partners.yaml': 'partners:\n' + [0, 1, 2].map((i) => `  - { id: q${i}, name: Partner ${i}, kind: university }`).join('\n') + '\n',
  };
  const statuses = ['idea', 'planned', 'pilot', 'active', 'completed', 'paused'];
  for (let i = 0; i < n; i++) {
    const deps = i > 0 ? [`M${i - 1}`, ...(i > 1 ? [`M${i - 2}/ms1`] : [])] : [];
    const lines = [
      '---',
      `id: M${i}`,
      `title: Maßnahme ${i}`,
      `field: f${i % 5}`,
      `goals: [g${i % 5}]`,
      i % 7 === 0 ? '' : `owner: Fachbereich ${i % 4}`,
      `status: ${statuses[i % statuses.length]}`,
      `start: ${2024 + (i % 4)}-Q${1 + (i % 4)}`,
      `end: ${2027 + (i % 3)}`,
      `depends_on: [${deps.join(', ')}]`,
      `partners: [q${i % 3}]`,
      `cost: ${10_000 + i}`,
      `funding: [{ source: p${i % 3}, status: ${['candidate', 'applied', 'granted'][i % 3]}, amount: ${5_000 + i} }]`,
      i % 2 ? 'privacy: { personal_data: true, dpia: in-progress }' : '',
      i % 3 === 0 ? `ai: { category: chatbot, risk: ${['high', 'limited', 'minimal'][i % 9 === 0 ? 0 : 1]}, purpose: Auskunft }` : '',
      'milestones:',
      `  - { id: ms1, title: Start, date: ${2025 + (i % 3)}-0${1 + (i % 9)}, status: ${i % 2 ? 'open' : 'done'} }`,
      `  - { id: ms2, title: Ende, date: 2027-12, status: open, depends_on: [ms1] }`,
      i % 5 === 0 ? 'waivers: [{ rule: owner-missing, reason: Wird besetzt }]' : '',
      'tags: [a, b]',
      '---',
      '',
      `Die Maßnahme ${i} beschreibt ein Vorhaben.`,
      '',
    ];
    files[`measures/m${i}.md`] = lines.filter((l) => l !== '').join('\n') + '\n';
  }
  return files;
}

const ARRAY_METHODS = ['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'reduce', 'flatMap', 'includes', 'indexOf'] as const;

/** Runs `fn` and counts the array elements it visits (length of every array iterated or searched). */
function arrayVisits<T>(fn: () => T): { value: T; visits: number } {
  const proto = Array.prototype as unknown as Record<string | symbol, (...args: unknown[]) => unknown>;
  const keys: Array<string | symbol> = [...ARRAY_METHODS, Symbol.iterator];
  const saved = keys.map((k) => proto[k]);
  let visits = 0;
  keys.forEach((k, i) => {
    const original = saved[i];
    proto[k] = function (this: unknown[], ...args: unknown[]) {
      visits += this.length;
      return original.apply(this, args);
    };
  });
  try {
    const value = fn();
    return { value, visits };
  } finally {
    keys.forEach((k, i) => (proto[k] = saved[i]));
  }
}

type Stage = 'lint' | 'gantt' | 'dependencies' | 'timeline' | 'council' | 'inventory' | 'funding' | 'compliance' | 'export';

/**
 * The lint result with every measure behind a proxy that counts reads of its properties: a stage
 * that loops over the measures is counted whether it uses an array method, for-of or an index
 * (`for (let i = 0; …) measures[i].id` escapes `arrayVisits`, not this).
 */
function countingMeasureReads(result: LintResult): { result: LintResult; reads: () => number } {
  let reads = 0;
  const proxies = new Map<Measure, Measure>();
  const wrap = (m: Measure): Measure => {
    let p = proxies.get(m);
    if (!p) {
      p = new Proxy(m, { get: (target, key, receiver) => (reads++, Reflect.get(target, key, receiver)) });
      proxies.set(m, p);
    }
    return p;
  };
  const model = { ...result.model, measures: result.model.measures.map(wrap), measureById: new Map([...result.model.measureById].map(([id, m]) => [id, wrap(m)])) };
  return { result: { ...result, model }, reads: () => reads };
}

/** Work of one stage for a repository of n measures: array visits, and after lint also reads of measure properties. */
function work(n: number, stage: Stage): number {
  const ws = new StrategyWorkspace();
  for (const [p, c] of Object.entries(scaledRepository(n))) ws.setFile(p, c);
  const lint = arrayVisits(() => ws.lint({ asOf: AS_OF, lang: 'de' }));
  assert.equal(lint.value.model.measures.length, n);
  if (stage === 'lint') return lint.visits;
  const { result, reads } = countingMeasureReads(lint.value);
  const visits = (() => {
    switch (stage) {
      case 'gantt':
      case 'dependencies':
      case 'timeline':
        return arrayVisits(() => renderRoadmap(result, { type: stage, asOf: AS_OF, lang: 'de' })).visits;
      case 'export':
        return arrayVisits(() => measuresCsv(exportModel(result), 'de')).visits;
      default:
        return arrayVisits(() => reportToMarkdown(buildReport(result, stage))).visits;
    }
  })();
  assert.ok(reads() > n, `${stage}: ${reads()} reads of measure properties for ${n} measures: the count does not see the work`);
  return visits + reads();
}

/** How many diagrams the dependency view of n measures has. */
function dependencyParts(n: number): number {
  const ws = new StrategyWorkspace();
  for (const [p, c] of Object.entries(scaledRepository(n))) ws.setFile(p, c);
  return renderRoadmap(ws.lint({ asOf: AS_OF, lang: 'de' }), { type: 'dependencies', asOf: AS_OF, lang: 'de' }).length;
}

describe('hostile input: work grows linearly with the number of measures', function () {
  this.timeout(300_000);
  const n = 50;

  const stages: Array<[Stage, string]> = [
    ['lint', 'lint'],
    ['gantt', 'the gantt roadmap'],
    ['timeline', 'the timeline roadmap'],
    ['council', 'the council report'],
    ['inventory', 'the inventory report'],
    ['funding', 'the funding report'],
    ['compliance', 'the compliance report'],
    ['export', 'the export'],
  ];
  for (const [stage, what] of stages) {
    it(`${what}: 4 times the measures, about 4 times the work`, () => {
      const small = work(n, stage);
      const large = work(4 * n, stage);
      assert.ok(small > 4 * n, `${small} visits for ${n} measures: the count does not see the work`);
      const ratio = large / small;
      assert.ok(ratio < 6, `${stage}: ${ratio.toFixed(1)} times the work for 4 times the measures (${small} → ${large})`);
    });
  }

  // The dependency view is split into parts above Mermaid's size limit (here from about 150
  // measures on), and a part repeats the measures its edges lead to as stubs: the output alone
  // grows about 7 times from 50 measures (one diagram, 274 lines) to 200 (three, 1,958 lines).
  // So both sizes here are split ones. Before each part looked only at its own edges, work grew
  // with parts × all edges (6.2 times from 200 to 800 measures, now 4.8).
  it('the dependency roadmap, split into parts: 4 times the measures, about 4 times the work', () => {
    for (const m of [200, 800]) assert.ok(dependencyParts(m) > 1, `${m} measures: the view is not split`);
    const small = work(200, 'dependencies');
    const large = work(800, 'dependencies');
    const ratio = large / small;
    assert.ok(ratio < 5.5, `dependencies: ${ratio.toFixed(1)} times the work for 4 times the measures (${small} → ${large})`);
  });
});
