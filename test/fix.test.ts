import { strict as assert } from 'node:assert';
import { applyEdits, applyFixes, fixWorkspace, StrategyWorkspace, type Fix, type TextEdit } from '../strategy/index';
import { LineIndex } from '../strategy/text';
import { MAX_REPAIRS } from '../strategy/parse/repair';

const text = 'cost: 150.000\ntitle: KI: Übersetzung\n';
const lines = new LineIndex(text);
const edit = (start: number, end: number, newText: string): TextEdit => ({ range: lines.range(start, end), newText });
const fix = (safe: boolean, ...edits: TextEdit[]): Fix => ({ title: { de: 't', en: 't' }, safe, edits });

describe('fixes: applyEdits and applyFixes (strategy/fix.ts)', () => {
  it('applies edits in any order', () => {
    const a = edit(6, 13, '150000');
    const b = edit(21, 36, '"KI: Übersetzung"');
    assert.equal(applyEdits(text, [b, a]), 'cost: 150000\ntitle: "KI: Übersetzung"\n');
    assert.equal(applyEdits(text, []), text);
  });

  it('inserts at an offset and at the end', () => {
    assert.equal(applyEdits('ab', [edit(1, 1, 'X'), edit(2, 2, '!')]), 'aXb!');
  });

  it('rejects overlapping edits (a rule bug, never a half-applied file)', () => {
    assert.throws(() => applyEdits(text, [edit(6, 10, 'x'), edit(9, 13, 'y')]), /overlapping/);
    assert.throws(() => applyEdits(text, [edit(3, 3, 'x'), edit(3, 3, 'y')]), /overlapping/);
    const pos = (offset: number) => ({ line: 1, column: offset + 1, offset });
    assert.throws(() => applyEdits('ab', [{ range: { start: pos(0), end: pos(3) }, newText: 'x' }]), /invalid/);
    assert.throws(() => applyEdits('ab', [{ range: { start: pos(2), end: pos(1) }, newText: 'x' }]), /invalid/);
  });

  it('touching edits do not overlap', () => {
    assert.equal(applyEdits('abcd', [edit(0, 2, 'X'), edit(2, 4, 'Y')]), 'XY');
  });

  it('applyFixes skips a whole fix that overlaps an earlier one and reports it', () => {
    const first = fix(true, edit(6, 13, '150000'));
    const clash = fix(true, edit(21, 25, 'x'), edit(10, 13, 'y'));
    const other = fix(false, edit(21, 36, '"KI: Übersetzung"'));
    const out = applyFixes(text, [first, clash, other]);
    assert.equal(out.text, 'cost: 150000\ntitle: "KI: Übersetzung"\n');
    assert.deepEqual(out.applied, [first, other]);
    assert.deepEqual(out.skipped, [clash]);
  });
});

describe('fixes: fixWorkspace keeps line ends and the BOM, and stops', () => {
  it('CRLF and a BOM survive a fix; the fixed text lints clean', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\r\ntitle: T\r\norganisation: O\r\n');
    const measure = '\uFEFFid: A\r\ntitle: KI: Übersetzung\r\nstatus: idea\r\nstart: 15.03.2027\r\ncost: 45.000\r\n';
    ws.setFile('measures/a.yaml', new TextEncoder().encode(measure));
    const { files, result } = fixWorkspace(ws, { asOf: '2026-11-26' });
    const a = files.get('measures/a.yaml')!;
    assert.equal(a.hadBom, true);
    assert.equal(a.before, measure.slice(1));
    assert.equal(a.after, 'id: A\r\ntitle: "KI: Übersetzung"\r\nstatus: idea\r\nstart: 2027-03-15\r\ncost: 45000\r\n');
    assert.equal(a.applied, 3);
    assert.deepEqual(result.findings.filter((f) => f.file === 'measures/a.yaml' && ['yaml-syntax', 'schema', 'amount-format'].includes(f.rule)), []);
  });

  it('unsafe fixes are applied only when picked', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    ws.setFile('measures/a.yaml', 'id: KI-BÜRO\ntitle: T\nstauts: idea\n');
    assert.equal(fixWorkspace(ws, { asOf: '2026-11-26' }).files.size, 0);
    const all = fixWorkspace(ws, { asOf: '2026-11-26' }, () => true);
    assert.equal(all.files.get('measures/a.yaml')!.after, 'id: KI-BUERO\ntitle: T\nstatus: idea\n');
  });
});

describe('YAML recovery is for everyday mistakes, not for whole files (strategy/parse/repair.ts)', () => {
  it('a file with more tab lines than MAX_REPAIRS keeps the parser errors (bounded), no recovery', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    const items = Array.from({ length: MAX_REPAIRS + 10 }, (_, i) => `- id: M${i}\n\ttitle: T${i}\n\tstatus: idea\n`).join('');
    ws.setFile('measures/a.yaml', items);
    const yaml = ws.lint({ asOf: '2026-11-26' }).findings.filter((f) => f.rule === 'yaml-syntax');
    assert.ok(yaml.length > 0 && yaml.length <= 21, String(yaml.length));
    assert.ok(yaml.every((f) => !f.fixes), 'no repair offered');
  });

  it('one tab among spaces: one finding with a safe fix, the measure read as meant', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    ws.setFile('measures/a.yaml', '- id: A\n  title: T\n\tstatus: idea\n  owner: X\n');
    const result = ws.lint({ asOf: '2026-11-26' });
    const yaml = result.findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(yaml.length, 1);
    assert.deepEqual(yaml[0].fixes!.map((f) => [f.safe, f.edits[0].newText]), [[true, '  ']]);
    assert.equal(result.model.measures[0].status, 'idea');
    assert.equal(result.model.measures[0].owner, 'X');
  });

  it('a tab after a sequence dash: one finding, the item lined up with the line below', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
    ws.setFile('measures/a.yaml', '- id: A\n  title: T\n  status: idea\n  owner: X\n  milestones:\n    -\tid: m\n      title: M\n      date: 2027\n');
    const result = ws.lint({ asOf: '2026-11-26' });
    assert.deepEqual(result.findings.filter((f) => f.rule === 'yaml-syntax').map((f) => `${f.range.start.line}:${f.range.start.column} ${f.fixes![0].safe}`), ['6:6 true']);
    assert.equal(result.model.measures[0].milestones[0].id, 'm');
    assert.equal(fixWorkspace(ws, { asOf: '2026-11-26' }).files.get('measures/a.yaml')!.after, '- id: A\n  title: T\n  status: idea\n  owner: X\n  milestones:\n    - id: m\n      title: M\n      date: 2027\n');
  });
});
