import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ruleCases, describeFinding, fullRange, lintFixture, type ExpectedFinding } from './helpers/fixtures';
import { loadWorkspace } from '../cli/load';
import { RULES_BY_ID, fixWorkspace, type Finding } from '../strategy/index';

/** The comparable form of an actual finding, with exactly the details the expected one states. */
function describeLike(f: Finding, e: ExpectedFinding | undefined): string {
  const at = e && /:\d+:\d+-\d+:\d+$/.test(e.at) ? fullRange(f) : `${f.file}:${f.range.start.line}:${f.range.start.column}`;
  let s = `${f.rule} ${f.measure ?? '-'} ${f.severity} ${at}`;
  if (e?.message !== undefined) s += ` message=${f.messageId}`;
  if (e?.data !== undefined) s += ` data=${JSON.stringify(sortKeys(f.data ?? {}))}`;
  if (e?.fixes !== undefined) s += ` fixes=${JSON.stringify((f.fixes ?? []).map((x) => ({ safe: x.safe, text: x.edits.map((d) => d.newText).join('|') })))}`;
  return s;
}

function describeExpected(e: ExpectedFinding): string {
  let s = `${e.rule} ${e.measure ?? '-'} ${e.severity} ${e.at}`;
  if (e.message !== undefined) s += ` message=${e.message}`;
  if (e.data !== undefined) s += ` data=${JSON.stringify(sortKeys(e.data))}`;
  if (e.fixes !== undefined) s += ` fixes=${JSON.stringify(e.fixes.map((x) => ({ safe: x.safe, text: x.text })))}`;
  return s;
}

function sortKeys(o: object): object {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function filesUnder(dir: string, skip: (rel: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p).split(sep).join('/');
      if (skip(rel)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.push(rel);
    }
  };
  walk(dir);
  return out;
}

describe('rules: fixture cases (test/fixtures/rules/<rule>/<case>)', () => {
  for (const c of ruleCases()) {
    it(`${c.rule} / ${c.name}`, () => {
      assert.ok(RULES_BY_ID.has(c.rule), `fixture folder names unknown rule ${c.rule}`);
      const asOf = c.expected.asOf ?? '2026-11-26';
      const result = lintFixture(c.dir, asOf, c.expected.ruleOverrides);
      const rules = c.expected.rules ?? [c.rule];
      const pick = (f: { rule: string }) => rules === 'all' || rules.includes(f.rule);
      // Each actual finding is described with the details its expected counterpart (same start) states.
      const byStart = new Map(c.expected.findings.map((e) => [`${e.rule} ${e.measure ?? '-'} ${e.severity} ${e.at.replace(/-\d+:\d+$/, '')}`, e]));
      const actual = result.findings.filter(pick).map((f) => describeLike(f, byStart.get(describeFinding(f)))).sort();
      const expected = c.expected.findings.map(describeExpected).sort();
      assert.deepEqual(actual, expected);
      if (c.expected.waived) {
        const w = result.waived.filter(pick).map((f) => `${f.rule} ${f.measure ?? '-'} ${f.file}:${f.range.start.line}:${f.range.start.column}`).sort();
        assert.deepEqual(w, c.expected.waived.map((e) => `${e.rule} ${e.measure ?? '-'} ${e.at}`).sort());
      }
      // `fixed/` holds every file that the safe fixes of the compared rules change, as it must read after.
      const fixedDir = c.fixedDir;
      const ws = loadWorkspace(c.dir);
      const fixed = fixWorkspace(ws, { asOf, ruleOverrides: c.expected.ruleOverrides }, (fix, finding) => fix.safe && pick(finding));
      const expectedFixed = existsSync(fixedDir) ? filesUnder(fixedDir, () => false) : [];
      assert.deepEqual([...fixed.files.keys()].sort(), expectedFixed, 'files changed by the safe fixes (fixed/)');
      for (const rel of expectedFixed) assert.equal(fixed.files.get(rel)!.after, readFileSync(join(fixedDir, rel), 'utf8'), `fixed/${rel}`);
    });
  }
});

describe('rules: every rule has valid and invalid cases (the harness, docs/architecture.md "Tests")', () => {
  const cases = ruleCases();
  for (const id of RULES_BY_ID.keys()) {
    it(id, () => {
      const mine = cases.filter((c) => c.rule === id);
      const compared = (c: (typeof mine)[number]) => c.expected.rules === 'all' || (c.expected.rules ?? [c.rule]).includes(id);
      assert.ok(mine.some((c) => compared(c) && c.expected.findings.every((f) => f.rule !== id)), `test/fixtures/rules/${id}: no valid case (an expected.yaml in which the rule finds nothing, e.g. findings: [] with root: ../../../../../examples/herne)`);
      const invalid = mine.flatMap((c) => c.expected.findings.filter((f) => f.rule === id));
      assert.ok(invalid.length > 0, `test/fixtures/rules/${id}: no invalid case`);
      for (const f of invalid) {
        assert.match(f.at, /:\d+:\d+-\d+:\d+$/, `${id}: give the full range of ${f.at} (file:line:column-line:column)`);
        assert.ok(f.message, `${id}: give the message id of the finding at ${f.at}`);
      }
    });
  }
});
