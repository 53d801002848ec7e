import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_BY_ID } from '../strategy/index';
import { isPlaceholder } from '../strategy/data/register';

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
