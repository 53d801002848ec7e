import { strict as assert } from 'node:assert';
import { applyEdits, applyFixes, type Fix, type TextEdit } from '../strategy/index';
import { LineIndex } from '../strategy/text';

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
