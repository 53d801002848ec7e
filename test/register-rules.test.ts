import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_BY_ID } from '../strategy/index';
import { isPlaceholder } from '../strategy/data/register';
import { loadWorkspace } from '../cli/load';
import { buildReport, reportToMarkdown } from '../strategy/report/index';

const ROOT = join(__dirname, '..');
const REGISTER_RULES = ['register-field-missing', 'register-text-too-long', 'register-placeholder', 'register-duplicate', 'human-oversight-yes-no', 'eu-database-incomplete'];

describe('register rules', () => {
  for (const id of REGISTER_RULES) {
    it(`${id}: German and English texts, a docs page with every section`, () => {
      const rule = RULES_BY_ID.get(id);
      assert.ok(rule, `rule ${id} is not registered`);
      for (const t of [rule.description, ...Object.values(rule.messages)]) {
        assert.ok(t.de.trim() && t.en.trim(), `${id}: empty text`);
        assert.ok(!t.de.includes('"'), `${id}: German text uses "…" instead of „…“: ${t.de}`);
        assert.notEqual(t.de, t.en);
      }
      const page = join(ROOT, 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(page), `missing docs/rules/${id}.md`);
      const md = readFileSync(page, 'utf8');
      for (const section of ['What it flags', 'Why', 'How to fix', 'Example', 'Severity', 'Configure and waive']) assert.match(md, new RegExp(`^## ${section}`, 'm'));
    });
  }

  it('placeholders: whole values in Dutch, English and German, not sentences or "n.v.t."', () => {
    for (const p of ['Nog niet beschikbaar ', 'TBD.', 'folgt', 'Wird nachgereicht', '…', 'todo']) assert.ok(isPlaceholder(p), p);
    for (const p of ['n.v.t.', 'Die Auswertung folgt dem Verfahren', 'TBD-Verfahren', 'Gemeente']) assert.ok(!isPlaceholder(p), p);
  });
});

describe('reports show the register keys (examples/herne)', () => {
  const result = loadWorkspace(join(ROOT, 'examples', 'herne')).lint({ asOf: '2026-11-26' });

  it('inventory: short description, life cycle, impact assessments, contact; "nicht angegeben" where unrecorded', () => {
    const md = reportToMarkdown(buildReport(result, 'inventory'));
    const row = md.split('\n').find((l) => l.includes('`KI-WOHNGELD`'))!;
    assert.match(row, /Ein Modul des Wohngeld-Fachverfahrens/);
    assert.match(row, /im Einsatz seit 01\.10\.2026/);
    assert.match(row, /DSFA 15\.07\.2026; Ethik 25\.06\.2026/);
    const planned = md.split('\n').find((l) => l.includes('`KI-TELEFON`'))!;
    assert.match(planned, /nicht angegeben/);
  });

  it('council report (question 5): the register table and the AI Act version applied', () => {
    const md = reportToMarkdown(buildReport(result, 'council', { lang: 'en' }));
    assert.match(md, /Information for the AI register/);
    assert.match(md, /Version of the AI Act applied \(in force on the as-of date\): AI Act as amended by Regulation \(EU\) 2026\/1744/);
  });
});
