import { strict as assert } from 'node:assert';
import { StrategyWorkspace, type Finding, type LintResult, type Range } from '../strategy/index';
import type { ParseLimits } from '../strategy/parse/file';
import type { Measure } from '../strategy/model/types';
import type { Path } from '../strategy/types';

const STRATEGY = 'schema: 1\ntitle: Digitalstrategie Teststadt\norganisation: Stadt Teststadt\nfields:\n  - { id: verwaltung, title: Verwaltung }\n';
/** A healthy measure with one known problem, to show that the rest of the repository is still linted. */
const GOOD = '---\nid: GOOD\ntitle: Gute Maßnahme\nstatus: planned\nfield: verwaltng\n---\n';

function workspace(files: Record<string, string | Uint8Array>, limits?: ParseLimits): StrategyWorkspace {
  const ws = new StrategyWorkspace(limits);
  ws.setFile('strategy.yaml', STRATEGY);
  ws.setFile('measures/good.md', GOOD);
  for (const [path, content] of Object.entries(files)) ws.setFile(path, content);
  return ws;
}

function lint(files: Record<string, string | Uint8Array>, limits?: ParseLimits): LintResult {
  let result: LintResult | undefined;
  assert.doesNotThrow(() => {
    result = workspace(files, limits).lint({ asOf: '2026-11-26' });
  });
  return result!;
}

const span = (r: Range) => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
const where = (f: Finding) => `${f.file}:${f.range.start.line}:${f.range.start.column}`;

/** The measure with `id` as parsed from `path`. */
function measure(ws: StrategyWorkspace, path: string, id: string): Measure {
  const m = ws.parse(path)?.measures.find((x) => x.id === id);
  assert.ok(m, `no measure ${id} in ${path}`);
  return m;
}

function locate(m: Measure, path: Path, target: 'key' | 'value' = 'value'): string {
  return span(m.origin.source.locate(path, target, m.origin.node));
}

/** The file text a range covers. */
function textAt(ws: StrategyWorkspace, file: string, r: Range): string {
  return ws.parse(file)!.text.slice(r.start.offset, r.end.offset);
}

/** The repository is still linted: the good measure's finding is there. */
function assertRestLinted(result: LintResult) {
  assert.ok(
    result.findings.some((f) => f.rule === 'unknown-reference' && where(f) === 'measures/good.md:5:8'),
    'the healthy measure was not linted',
  );
}

function findingsIn(result: LintResult, file: string, rule?: string): Finding[] {
  return result.findings.filter((f) => f.file === file && (rule === undefined || f.rule === rule));
}

const FRONT_MATTER = [
  '---',
  'id: PORTAL',
  'title: Serviceportal',
  'status: planned',
  'privacy:',
  '  personal_data: true',
  '  dpia: done',
  'goals: [g1, "g2"]',
  'milestones:',
  '  - id: m1',
  '    title: Start',
  '    date: 2026-03',
  '    status: open',
  '---',
  '',
  '# Serviceportal',
  '',
];

describe('parsing: exact source ranges', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`Markdown front matter (${name}): keys, values, nested paths, sequences`, () => {
      const ws = workspace({ 'measures/portal.md': FRONT_MATTER.join(eol) });
      const m = measure(ws, 'measures/portal.md', 'PORTAL');
      assert.equal(locate(m, ['status'], 'key'), '4:1-4:7');
      assert.equal(locate(m, ['status']), '4:9-4:16');
      assert.equal(locate(m, ['privacy', 'dpia'], 'key'), '7:3-7:7');
      assert.equal(locate(m, ['privacy', 'dpia']), '7:9-7:13');
      assert.equal(locate(m, ['goals', 0]), '8:9-8:11');
      assert.equal(locate(m, ['goals', 1]), '8:13-8:17', 'a quoted value includes its quotes');
      assert.equal(locate(m, ['milestones', 0, 'date']), '12:11-12:18');
      assert.equal(locate(m, ['milestones', 0]), '10:5-13:17');
      // Offsets index the file text, line ends included.
      const r = m.origin.source.locate(['milestones', 0, 'date'], 'value', m.origin.node);
      assert.equal(textAt(ws, 'measures/portal.md', r), '2026-03');
    });
  }

  it('YAML files with several measures: each measure has its own ranges', () => {
    const ws = workspace({
      'measures/list.yaml': ['- id: A', '  title: A', '  status: planned', '- id: B', '  title: B', '  status: plannd', '  funding:', '    - source: own', '      status: planned', ''].join('\n'),
    });
    const a = measure(ws, 'measures/list.yaml', 'A');
    const b = measure(ws, 'measures/list.yaml', 'B');
    assert.equal(locate(a, ['id']), '1:7-1:8');
    assert.equal(locate(b, ['id']), '4:7-4:8');
    assert.equal(locate(b, ['status']), '6:11-6:17');
    assert.equal(locate(b, ['funding', 0, 'status'], 'key'), '9:7-9:13');
    assert.equal(locate(b, ['funding', 0, 'status']), '9:15-9:22');
    const result = ws.lint({ asOf: '2026-11-26' });
    const schema = findingsIn(result, 'measures/list.yaml', 'schema');
    assert.deepEqual(schema.map((f) => `${f.measure} ${span(f.range)}`), ['B 6:11-6:17']);
  });

  it('strategy.yaml: findings point at nested keys and values', () => {
    const ws = workspace({ 'strategy.yaml': STRATEGY + 'lint:\n  rules:\n    owner-mising: off\nhorizon:\n  start: 2026\n  end: 2030-13\n' });
    const result = ws.lint({ asOf: '2026-11-26' });
    const spans = findingsIn(result, 'strategy.yaml', 'schema').map((f) => span(f.range)).sort();
    assert.deepEqual(spans, ['11:8-11:15']);
    assert.deepEqual(
      findingsIn(result, 'strategy.yaml', 'unknown-rule').map((f) => span(f.range)),
      ['8:5-8:17'],
    );
  });
});

describe('parsing: the title from the first heading', () => {
  // A plain `# Title` line is read without remark; a heading with markup needs the Markdown
  // parser, which is loaded on first use (strategy/parse/markdown.ts).
  it('a plain heading and a heading with markup both become the title', () => {
    const ws = workspace({
      'measures/plain.md': '---\nid: PLAIN\nstatus: planned\n---\n\n# Digitale Bauakte\n',
      'measures/markup.md': '---\nid: MARKUP\nstatus: planned\n---\n\n# Digitale *Bauakte* mit `XBau`\n\nText.\n',
    });
    assert.equal(measure(ws, 'measures/plain.md', 'PLAIN').title, 'Digitale Bauakte');
    assert.equal(measure(ws, 'measures/markup.md', 'MARKUP').title, 'Digitale Bauakte mit XBau');
    const result = ws.lint({ asOf: '2026-11-26' });
    assert.deepEqual(result.findings.filter((f) => f.message.en.includes('title')).map(where), []);
  });
});

describe('parsing: bad input yields a finding, never an exception', () => {
  it('CRLF line ends: positions as editors show them', () => {
    const result = lint({ 'measures/crlf.md': '---\r\nid: CRLF\r\ntitle: x\r\nstatus: plannd\r\n---\r\n' });
    const [f] = findingsIn(result, 'measures/crlf.md', 'schema');
    assert.equal(`${span(f.range)} ${f.measure}`, '4:9-4:15 CRLF');
    assertRestLinted(result);
  });

  it('CRLF line ends: a range never ends between CR and LF', () => {
    const result = lint({ 'measures/crlf.yaml': 'id: A\r\ntitle: x\r\nstatus: planned\r\nprivacy:\r\n  dpia_date:\r\n 2018-01\r\n' });
    const syntax = findingsIn(result, 'measures/crlf.yaml', 'yaml-syntax');
    assert.ok(syntax.length > 0);
    // Line 5 is `  dpia_date:`, 12 characters: column 13 is its end.
    assert.deepEqual(syntax.map((f) => span(f.range)).filter((s) => s.startsWith('5:')), ['5:13-5:13']);
  });

  it('YAML 1.1 tags (!!binary, !!timestamp) are unknown tags: a finding, the value stays text, the same in the CLI bundle and here', () => {
    // The yaml package's Node build made a Buffer of !!binary, its browser build (bundled in the
    // CLI) a Uint8Array: a key "!!binary …" was named differently by the two (property seed 1817661478).
    const result = lint({ 'measures/tags.yaml': 'id: TAGS\ntitle: !!binary aGVsbG8=\nstatus: planned\nstart: !!timestamp 2027-01-01\n' });
    const tags = findingsIn(result, 'measures/tags.yaml', 'yaml-syntax');
    assert.deepEqual(tags.map((f) => span(f.range)), ['2:8-2:16', '4:8-4:19']);
    assert.ok(tags.every((f) => /unbekanntes Tag/.test(f.message.de)), tags.map((f) => f.message.de).join('; '));
    const m = result.model.measureById.get('TAGS');
    assert.equal(m?.data.title, 'aGVsbG8=');
    assert.equal(m?.data.start, '2027-01-01');
  });

  it('a lone CR counts as a line break (YAML 1.2)', () => {
    const result = lint({ 'measures/cr.yaml': 'id: CR\rtitle: x\rstatus: plannd\r' });
    assert.deepEqual(findingsIn(result, 'measures/cr.yaml').filter((f) => f.rule !== 'owner-missing' && f.rule !== 'not-anchored' && f.rule !== 'funding-missing').map((f) => `${f.rule} ${span(f.range)}`), ['schema 3:9-3:15']);
  });

  it('a UTF-8 byte order mark does not shift columns', () => {
    for (const [file, text, at] of [
      ['measures/bom.yaml', 'id: BOM\ntitle: x\nstatus: plannd\n', '3:9-3:15'],
      ['measures/bom.md', '---\nid: BOM\ntitle: x\nstatus: plannd\n---\n', '4:9-4:15'],
    ]) {
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]);
      for (const content of [bytes, '\ufeff' + text]) {
        const result = lint({ [file]: content });
        assert.deepEqual(findingsIn(result, file, 'schema').map((f) => span(f.range)), [at], file);
        assertRestLinted(result);
      }
    }
  });

  it('tabs in indentation', () => {
    const result = lint({ 'measures/tabs.yaml': 'id: TABS\ntitle: x\nstatus: planned\nprivacy:\n\tpersonal_data: true\n' });
    const tab = findingsIn(result, 'measures/tabs.yaml', 'yaml-syntax');
    assert.deepEqual(tab.map((f) => `${span(f.range)} ${f.message.en}`), ['5:1-5:2 Tab in indentation: YAML allows spaces only, indent with spaces']);
    assertRestLinted(result);
  });

  it('empty files', () => {
    const result = lint({ 'measures/empty.yaml': '', 'measures/empty.md': '', 'measures/blank.yaml': '\n  \n', 'funding.yaml': '' });
    assert.equal(findingsIn(result, 'measures/empty.yaml', 'not-a-measure').length, 1);
    assert.equal(findingsIn(result, 'measures/blank.yaml', 'not-a-measure').length, 1);
    assert.equal(findingsIn(result, 'measures/empty.md', 'not-a-measure').length, 1);
    assert.deepEqual(findingsIn(result, 'funding.yaml').map((f) => `${f.rule} ${f.message.en}`), ['yaml-syntax File is empty']);
    assertRestLinted(result);
  });

  it('binary files (NUL bytes), pointing at the first NUL', () => {
    const result = lint({
      'measures/nul.yaml': new Uint8Array([...Buffer.from('id: X\ntitle: a'), 0x00, 0x01, 0x02]),
      // A PNG header: its first byte is not valid UTF-8, which is reported first.
      'measures/image.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    });
    const [nul, ...rest] = findingsIn(result, 'measures/nul.yaml');
    assert.equal(rest.length, 0);
    assert.equal(`${nul.rule} ${span(nul.range)}`, 'yaml-syntax 2:9-2:10');
    assert.match(nul.message.de, /NUL-Bytes/);
    assert.deepEqual(findingsIn(result, 'measures/image.yaml').map((f) => `${f.rule} ${span(f.range)} ${f.message.en}`), ['yaml-syntax 1:1-1:1 Not valid UTF-8 (byte 0): save the file as UTF-8']);
    assertRestLinted(result);
  });

  it('non-UTF-8 bytes, pointing at the first bad byte', () => {
    // "Maßnahme" in Latin-1: ß is the single byte 0xDF.
    const latin1 = new Uint8Array([...Buffer.from('id: X\ntitle: Ma'), 0xdf, ...Buffer.from('nahme\n')]);
    const result = lint({ 'measures/latin1.yaml': latin1 });
    const [f, ...rest] = findingsIn(result, 'measures/latin1.yaml');
    assert.equal(rest.length, 0);
    assert.equal(`${f.rule} ${f.range.start.line}:${f.range.start.column}`, 'yaml-syntax 2:10');
    assert.equal(f.message.en, 'Not valid UTF-8 (byte 15): save the file as UTF-8');
    assertRestLinted(result);
  });

  it('files above the size limit are not parsed', () => {
    const big = 'id: BIG\ntitle: ' + 'x'.repeat(600) + '\nstatus: plannd\n';
    const result = lint({ 'measures/big.yaml': big }, { maxFileBytes: 500 });
    assert.deepEqual(findingsIn(result, 'measures/big.yaml').map((f) => `${f.rule} ${f.message.en}`), [`yaml-syntax File too large (${big.length} bytes, limit 500): not evaluated`]);
    assert.equal(result.model.measureById.has('BIG'), false);
    assertRestLinted(result);
  });

  it('duplicate keys: the whole key, named in the message', () => {
    const result = lint({
      'measures/dup.yaml': 'id: DUP\ntitle: a\nstatus: planned\n"title": b\nprivacy: { dpia: done, dpia: required }\n',
    });
    const dups = findingsIn(result, 'measures/dup.yaml', 'yaml-syntax').map((f) => `${span(f.range)} ${f.message.en}`);
    assert.deepEqual(dups, [
      '4:1-4:8 Duplicate key "title": the later value overrides the earlier one',
      '5:24-5:28 Duplicate key "dpia": the later value overrides the earlier one',
    ]);
    assertRestLinted(result);
  });

  it('a YAML alias bomb (billion laughs) is refused', () => {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const bomb = lines.join('\n') + '\nid: BOMB\n';
    const result = lint({ 'measures/bomb.yaml': bomb, 'measures/bomb.md': `---\n${bomb}---\n` });
    for (const file of ['measures/bomb.yaml', 'measures/bomb.md']) {
      const [f, ...rest] = findingsIn(result, file);
      assert.equal(rest.length, 0, file);
      assert.match(f.message.en, /Too many YAML aliases \(more than 100\)/);
    }
    assert.equal(result.model.measureById.has('BOMB'), false);
    assertRestLinted(result);
  });

  it('very deep nesting (10,000 levels) gives one finding', () => {
    const deep = 'id: DEEP\nx: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
    const result = lint({ 'measures/deep.yaml': deep, 'measures/open.yaml': '['.repeat(10_000), 'measures/deep.md': `---\n${deep}---\n` });
    for (const file of ['measures/deep.yaml', 'measures/deep.md']) {
      assert.deepEqual(findingsIn(result, file).map((f) => `${f.rule} ${f.message.en}`), ['yaml-syntax Nested too deeply (more than 64 levels): file not evaluated'], file);
    }
    const open = findingsIn(result, 'measures/open.yaml');
    assert.ok(open.length >= 1 && open.length <= 5, `unclosed brackets: ${open.length} findings`);
    assert.ok(open.every((f) => f.rule === 'yaml-syntax'));
    assertRestLinted(result);
  });

  it('a file that is not YAML at all gives a bounded number of findings', () => {
    const code = Array.from({ length: 200 }, (_, i) => `function f${i}(a, b) { return a: b ? [a} : {b]; }`).join('\n');
    const result = lint({ 'measures/code.yaml': code });
    const syntax = findingsIn(result, 'measures/code.yaml', 'yaml-syntax');
    assert.ok(syntax.length <= 21, `${syntax.length} findings`);
    assert.match(syntax[syntax.length - 1].message.en, /^\d+ more YAML errors in this file not shown/);
    assertRestLinted(result);
  });

  it('a broken strategy.yaml is reported and the measures are still linted', () => {
    for (const strategy of ['schema: [1\n', new Uint8Array([0, 1, 2]), '']) {
      let result: LintResult | undefined;
      assert.doesNotThrow(() => {
        const ws = workspace({});
        ws.setFile('strategy.yaml', strategy);
        result = ws.lint({ asOf: '2026-11-26' });
      });
      assert.ok(findingsIn(result!, 'strategy.yaml').length >= 1);
      assert.ok(result!.model.measureById.has('GOOD'), 'measures are read with the default include');
    }
  });

  it('unclosed front matter', () => {
    const result = lint({ 'measures/open.md': '---\nid: OPEN\ntitle: x\n\n# Text\n' });
    assert.deepEqual(findingsIn(result, 'measures/open.md').map((f) => `${f.rule} ${span(f.range)}`), ['yaml-syntax 1:1-1:4']);
    assertRestLinted(result);
  });
});
