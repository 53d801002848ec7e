import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Finding } from '../strategy/index';
import { structureRules } from '../strategy/rules/structure/index';
import { lintFixture, FIXTURES } from './helpers/fixtures';

const ROOT = join(__dirname, '..');
const fixture = (rule: string, name = 'basic') => lintFixture(join(FIXTURES, 'rules', rule, name));

/** The one finding of `rule` that starts at `file:line:column`. */
function at(findings: Finding[], rule: string, where: string): Finding {
  const list = findings.filter((f) => f.rule === rule && `${f.file}:${f.range.start.line}:${f.range.start.column}` === where);
  assert.equal(list.length, 1, `expected one ${rule} finding at ${where}, got ${list.length}`);
  return list[0];
}

const loc = (l: { file: string; range: { start: { line: number; column: number } } }) => `${l.file}:${l.range.start.line}:${l.range.start.column}`;

describe('structure rules: messages', () => {
  describe('unknown-reference', () => {
    const { findings } = fixture('unknown-reference');
    const f = (where: string) => at(findings, 'unknown-reference', where);

    it('suggests the closest existing id, in German and English', () => {
      const field = f('measures/portal.md:5:8');
      assert.equal(field.message.de, 'Unbekanntes Handlungsfeld „verwaltng“ – meinten Sie „verwaltung“?');
      assert.equal(field.message.en, 'Unknown field of action "verwaltng" – did you mean "verwaltung"?');
      assert.equal(field.suggestion, 'verwaltung');
      assert.match(f('measures/portal.md:6:24').message.en, /goal "onlinezugang-x" – did you mean "online-zugang"/);
      assert.match(f('measures/portal.md:13:13').message.de, /Förderprogramm „digi-nwr“ – meinten Sie „digi-nrw“/);
    });

    it('says what to do when nothing is close', () => {
      const partner = f('measures/portal.md:9:5');
      assert.match(partner.message.de, /^Unbekannter Partner „tu-dortmund“: in partners\.yaml anlegen/);
      assert.equal(partner.suggestion, undefined);
      assert.match(f('measures/portal.md:19:5').message.en, /^Unknown measure "NIRGENDS": correct the id/);
    });

    it('names the measure and the missing milestone', () => {
      const m = f('measures/portal.md:25:39');
      assert.equal(m.message.en, 'Measure "BASIS" has no milestone "vertrag"');
      assert.equal(m.message.de, 'Die Maßnahme „BASIS“ hat keinen Meilenstein „vertrag“');
    });

    it('offers the full milestone ref for a sibling milestone named without its measure', () => {
      const m = f('measures/basis.yaml:13:18');
      assert.match(m.message.en, /Unknown measure "ausschreibung" – did you mean "BASIS\/ausschreibung"\?/);
      assert.equal(m.suggestion, 'BASIS/ausschreibung');
    });

    it('reports references in strategy.yaml without a measure', () => {
      assert.match(f('strategy.yaml:13:12').message.en, /field of action "bildung"/);
      assert.equal(f('strategy.yaml:16:12').measure, undefined);
      assert.match(f('strategy.yaml:16:12').message.de, /Maßnahme „KI-SCHULUNG“/);
    });
  });

  describe('dependency-cycle', () => {
    const { findings } = fixture('dependency-cycle');
    const f = (where: string) => at(findings, 'dependency-cycle', where);

    it('names the whole cycle, starting with the entry it is reported at', () => {
      assert.equal(f('measures/ring.yaml:5:16').message.en, 'Dependency cycle: A → B → C → A. Remove at least one of these dependencies');
      assert.equal(f('measures/ring.yaml:9:16').message.de, 'Zyklische Abhängigkeit: B → C → A → B. Mindestens eine dieser Abhängigkeiten entfernen');
      assert.match(f('measures/ring.yaml:15:7').message.en, /: C → A → B → C\./);
    });

    it('points at every other member of the cycle', () => {
      const a = f('measures/ring.yaml:5:16');
      assert.deepEqual(a.related?.map(loc), ['measures/ring.yaml:9:16', 'measures/ring.yaml:15:7']);
      assert.match(a.related![0].message.de, /„B“ ist Teil des Zyklus/);
    });

    it('shows the milestone that closes a cycle through a measure', () => {
      const p = f('measures/milestone.yaml:5:16');
      assert.match(p.message.en, /: P → Q → Q\/m1 → P\./);
      // Q takes part only through its milestone: related info points at Q's id.
      assert.deepEqual(p.related?.map(loc), ['measures/milestone.yaml:6:7', 'measures/milestone.yaml:14:20']);
    });

    it('says so when a measure depends on itself', () => {
      const s = f('measures/self.md:5:14');
      assert.equal(s.message.de, '„SELBST“ hängt von sich selbst ab: diesen Eintrag entfernen');
    });
  });

  describe('duplicate-id', () => {
    const { findings } = fixture('duplicate-id');

    it('lists where else the id is used, as text and as related locations', () => {
      const first = at(findings, 'duplicate-id', 'measures/portal.md:2:5');
      assert.match(first.message.en, /"PORTAL" is used more than once \(also: measures\/more\.yaml:1\)/);
      assert.deepEqual(first.related?.map(loc), ['measures/more.yaml:1:7']);
      const second = at(findings, 'duplicate-id', 'measures/more.yaml:1:7');
      assert.deepEqual(second.related?.map(loc), ['measures/portal.md:2:5']);
    });

    it('says which kind of id is duplicated', () => {
      assert.match(at(findings, 'duplicate-id', 'partners.yaml:2:9').message.de, /^Der Partner „rub“ ist mehrfach definiert \(auch: strategy\.yaml:18\)/);
      assert.match(at(findings, 'duplicate-id', 'measures/more.yaml:8:11').message.en, /milestone "ausschreibung" occurs more than once in this measure/);
    });
  });

  describe('amount-format', () => {
    const { findings } = fixture('amount-format');

    it('shows what YAML made of the text and how to write it', () => {
      const cost = at(findings, 'amount-format', 'measures/portal.md:5:7');
      assert.equal(cost.message.en, '"150.000" is read as 150 (in YAML the dot is a decimal point): write it without thousands separators, i.e. 150000');
      assert.equal(cost.suggestion, '150000');
      assert.match(at(findings, 'amount-format', 'measures/portal.md:12:13').message.de, /„150\.000,50“ ist keine Zahl: .*also 150000\.50$/);
      assert.match(at(findings, 'amount-format', 'measures/costs.yaml:6:15').message.en, /^Amount -1200 is not greater than 0/);
    });
  });

  describe('date-order', () => {
    const { findings } = fixture('date-order');

    it('shows the dates as written', () => {
      assert.equal(at(findings, 'date-order', 'measures/coarse.yaml:6:8').message.en, 'End "2026-06" is before start "2026-Q3": check the dates');
      assert.equal(at(findings, 'date-order', 'measures/milestones.yaml:25:11').message.de, 'Meilenstein „nachher“ (2027-01) liegt nach dem Ende der Maßnahme (2026-Q4)');
    });
  });

  describe('schema', () => {
    const { findings } = fixture('schema');
    const f = (where: string) => at(findings, 'schema', where);

    it('suggests the closest key, value and rule', () => {
      assert.equal(f('measures/portal.md:5:1').message.en, 'Unknown key "onwer" – did you mean "owner"?');
      assert.equal(f('measures/portal.md:4:9').message.de, '„plannd“ ist für „status“ nicht zulässig – meinten Sie „planned“?');
      assert.match(f('strategy.yaml:4:1').message.en, /"langauge" – did you mean "language"\?/);
      assert.match(at(fixture('unknown-rule').findings, 'unknown-rule', 'strategy.yaml:6:5').message.en, /^Unknown rule "owner-mising" – did you mean "owner-missing"\?$/);
      assert.equal(at(fixture('unknown-rule').findings, 'unknown-rule', 'strategy.yaml:8:5').message.de, 'Unbekannte Regel „haushaltssperre“');
      assert.match(f('partners.yaml:4:11').message.en, /did you mean "university"\?/);
      assert.match(f('funding.yaml:6:5').message.en, /"ulr" – did you mean "url"\?/);
    });

    it('lists the allowed values when nothing is close', () => {
      assert.match(f('measures/no-status.yaml:5:9').message.en, /"hoch" is not allowed for "ai\.risk"; allowed: prohibited, high, limited, minimal, unclassified/);
    });

    it('rejects dates that do not exist', () => {
      assert.match(f('measures/portal.md:7:8').message.en, /"2026-02-30" is not a valid date/);
      assert.match(f('measures/portal.md:8:6').message.en, /"2026-13" is not a valid date/);
      assert.match(f('funding.yaml:5:15').message.en, /"2026-02-30" is not a valid date/);
    });

    it('names a missing required key and a wrong type', () => {
      assert.equal(f('measures/no-status.yaml:1:1').message.en, 'Required key "status" is missing');
      assert.equal(f('measures/portal.md:6:8').message.de, '„goals“ muss eine Liste sein');
    });
  });

  describe('every structure rule', () => {
    for (const rule of structureRules) {
      it(`${rule.id}: German and English texts, German quotes, a docs page with every section`, () => {
        for (const t of [rule.description, ...Object.values(rule.messages)]) {
          assert.ok(t.de.trim() && t.en.trim(), `${rule.id}: empty text`);
          assert.ok(!t.de.includes('"'), `${rule.id}: German text uses "…" instead of „…“: ${t.de}`);
          assert.notEqual(t.de, t.en, `${rule.id}: German text is the English one`);
        }
        const page = join(ROOT, 'docs', 'rules', `${rule.id}.md`);
        assert.ok(existsSync(page), `missing docs/rules/${rule.id}.md`);
        const md = readFileSync(page, 'utf8');
        assert.match(md, new RegExp(`^# \`${rule.id}\``, 'm'));
        for (const section of ['What it flags', 'Why', 'How to fix', 'Example', 'Severity', 'Configure and waive']) {
          assert.match(md, new RegExp(`^## ${section}`, 'm'), `docs/rules/${rule.id}.md lacks "## ${section}"`);
        }
      });
    }
  });
});
