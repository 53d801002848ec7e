import { strict as assert } from 'node:assert';
import { ruleCases, describeFinding, lintFixture } from './helpers/fixtures';
import { RULES_BY_ID } from '../strategy/index';

describe('rules: fixture cases (test/fixtures/rules/<rule>/<case>)', () => {
  for (const c of ruleCases()) {
    it(`${c.rule} / ${c.name}`, () => {
      assert.ok(RULES_BY_ID.has(c.rule), `fixture folder names unknown rule ${c.rule}`);
      const result = lintFixture(c.dir, c.expected.asOf ?? '2026-11-26', c.expected.ruleOverrides);
      const rules = c.expected.rules ?? [c.rule];
      const pick = (f: { rule: string }) => rules === 'all' || rules.includes(f.rule);
      const actual = result.findings.filter(pick).map(describeFinding).sort();
      const expected = c.expected.findings.map((e) => `${e.rule} ${e.measure ?? '-'} ${e.severity} ${e.at}`).sort();
      assert.deepEqual(actual, expected);
      if (c.expected.waived) {
        const w = result.waived.filter(pick).map((f) => `${f.rule} ${f.measure ?? '-'} ${f.file}:${f.range.start.line}:${f.range.start.column}`).sort();
        assert.deepEqual(w, c.expected.waived.map((e) => `${e.rule} ${e.measure ?? '-'} ${e.at}`).sort());
      }
    });
  }
});
