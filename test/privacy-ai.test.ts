import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { StrategyWorkspace, RULES_BY_ID, type Finding } from '../strategy/index';
import { AI_ACT_OBLIGATIONS, AI_ACT_PUBLIC_LEGACY } from '../strategy/data/ai-act';
import { privacyRules } from '../strategy/rules/privacy/index';
import { aiActRules } from '../strategy/rules/ai-act/index';
import { waiverExpired } from '../strategy/rules/waivers/waiver-expired';
import { waiverUnused } from '../strategy/rules/waivers/waiver-unused';
import { waiverReason } from '../strategy/rules/waivers/waiver-reason';

const ROOT = join(__dirname, '..');
// These tests check the rules against the dates of the original text (AI_ACT_OBLIGATIONS); the
// amended version is tested in test/ai-act-versions.test.ts.
const STRATEGY = 'schema: 1\ntitle: Digitalstrategie Teststadt\norganisation: Stadt Teststadt\nai_act:\n  version: original\n';
const LITERACY = 'ai_literacy:\n  description: Pflichtschulung für alle Beschäftigten\n';

function lint(measures: string, asOf = '2026-11-26', strategy = STRATEGY + LITERACY) {
  const ws = new StrategyWorkspace();
  ws.setFile('strategy.yaml', strategy);
  ws.setFile('measures/cases.yaml', measures);
  return ws.lint({ asOf });
}

function only(findings: Finding[], rule: string, measure?: string): Finding[] {
  return findings.filter((f) => f.rule === rule && (measure === undefined || f.measure === measure));
}

function one(findings: Finding[], rule: string, measure?: string): Finding {
  const list = only(findings, rule, measure);
  assert.equal(list.length, 1, `expected one ${rule} finding${measure ? ` for ${measure}` : ''}, got ${list.length}`);
  return list[0];
}

/** A high-risk system with every AI Act duty open, and a chatbot without notice, both in use. */
const OPEN_DUTIES = `
- id: HIGH
  title: Hochrisiko
  status: active
  ai: { category: decision-support, risk: high }
- id: BOT
  title: Chatbot
  status: active
  ai: { category: chatbot, risk: limited }
- id: BANNED
  title: Verboten
  status: active
  ai: { category: image-analysis, risk: prohibited }
- id: UNCLASSIFIED
  title: Nicht eingestuft
  status: active
  ai: { category: other, risk: unclassified, annex_iii: "5(a)", exemption: "" }
`;

describe('privacy and AI Act rules', () => {
  const mine = [...privacyRules, ...aiActRules];

  describe('rule metadata', () => {
    it('registers every rule of SPEC §4.1 (data protection, AI Act, ethics)', () => {
      const expected = [
        'privacy-review-missing', 'dpia-missing', 'dpo-not-consulted', 'ropa-missing',
        'ai-risk-unclassified', 'ai-prohibited', 'ai-fria-missing', 'ai-registration-missing', 'ai-oversight-missing',
        'ai-transparency-missing', 'ai-literacy-missing', 'ai-exemption-invalid', 'ethics-review-missing',
      ];
      for (const id of expected) assert.ok(RULES_BY_ID.has(id), `rule ${id} is not registered`);
      // Issue 14 adds the Annex VIII Section C check (test/register-rules.test.ts).
      assert.deepEqual(mine.map((r) => r.id).sort(), [...expected, 'eu-database-incomplete'].sort());
    });

    it('uses the default severities of the SPEC', () => {
      const sev = (id: string) => RULES_BY_ID.get(id)?.defaultSeverity;
      assert.equal(sev('dpo-not-consulted'), 'warning');
      assert.equal(sev('ropa-missing'), 'info');
      assert.equal(sev('ai-risk-unclassified'), 'error');
      assert.equal(sev('ai-prohibited'), 'error');
      assert.equal(sev('ai-exemption-invalid'), 'error');
      assert.equal(sev('ethics-review-missing'), 'warning');
    });

    for (const rule of [...mine, waiverExpired, waiverUnused, waiverReason]) {
      it(`${rule.id}: German and English texts, German quotes, a docs page with every section`, () => {
        const texts = [rule.description, ...Object.values(rule.messages)];
        for (const t of texts) {
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

  describe('messages', () => {
    it('every AI Act finding names its article, in German and in English', () => {
      const { findings } = lint(OPEN_DUTIES, '2026-11-26', STRATEGY);
      const ai = findings.filter((f) => f.rule.startsWith('ai-'));
      const rules = new Set(ai.map((f) => f.rule));
      for (const id of ['ai-risk-unclassified', 'ai-prohibited', 'ai-fria-missing', 'ai-registration-missing', 'ai-oversight-missing', 'ai-transparency-missing', 'ai-literacy-missing', 'ai-exemption-invalid']) {
        assert.ok(rules.has(id), `${id} did not fire`);
      }
      for (const f of ai) {
        assert.match(f.message.de, /Art\. \d+.*KI-VO/, `${f.rule}: ${f.message.de}`);
        assert.match(f.message.en, /Art\. \d+.*AI Act/, `${f.rule}: ${f.message.en}`);
      }
      assert.match(one(findings, 'ai-fria-missing').message.en, /Art\. 27 AI Act/);
      assert.match(one(findings, 'ai-fria-missing').message.de, /Art\. 27 KI-VO/);
      assert.match(one(findings, 'ai-registration-missing').message.en, /Art\. 26\(8\), 49\(3\)/);
      assert.match(one(findings, 'ai-registration-missing').message.de, /Art\. 26 Abs\. 8, Art\. 49 Abs\. 3/);
      assert.match(one(findings, 'ai-oversight-missing').message.en, /Art\. 14, 26\(2\)/);
      assert.match(one(findings, 'ai-transparency-missing').message.en, /Art\. 50/);
      assert.match(one(findings, 'ai-prohibited').message.de, /Art\. 5 KI-VO/);
      assert.match(one(findings, 'ai-exemption-invalid', 'UNCLASSIFIED').message.en, /Art\. 6\(3\)/);
      assert.match(one(findings, 'ai-literacy-missing', 'HIGH').message.de, /Art\. 4 KI-VO/);
    });

    it('data-protection findings name their GDPR article', () => {
      const { findings } = lint(`
- id: P
  title: P
  status: active
  privacy: { personal_data: true, dpia: required }
`);
      assert.match(one(findings, 'dpia-missing').message.de, /Art\. 35 DSGVO/);
      assert.match(one(findings, 'dpia-missing').message.en, /Art\. 35 GDPR/);
      assert.match(one(findings, 'dpo-not-consulted').message.en, /Art\. 35\(2\), 38, 39 GDPR/);
      assert.match(one(findings, 'ropa-missing').message.de, /Art\. 30 DSGVO/);
    });

    it('registration for Annex III point 2 points to national registration (Art. 49(5))', () => {
      const { findings } = lint(`
- id: GRID
  title: Netzsteuerung
  status: active
  ai: { category: forecasting, risk: high, annex_iii: "2" }
`);
      const f = one(findings, 'ai-registration-missing');
      assert.match(f.message.en, /nationally.*Art\. 49\(5\) AI Act/);
      assert.match(f.message.de, /national.*Art\. 49 Abs\. 5 KI-VO/);
      assert.equal(only(findings, 'ai-fria-missing').length, 0, 'Annex III point 2 needs no FRIA (Art. 27(1))');
    });

    it('says from when a duty applies only while it does not apply yet', () => {
      const before = one(lint(OPEN_DUTIES, '2026-08-01').findings, 'ai-fria-missing');
      assert.match(before.message.en, /applies from 2026-08-02/);
      assert.match(before.message.de, /gilt ab 02\.08\.2026/);
      const after = one(lint(OPEN_DUTIES, '2026-08-02').findings, 'ai-fria-missing');
      assert.doesNotMatch(after.message.en, /applies from/);
      assert.doesNotMatch(after.message.de, /gilt ab/);
    });

    it('a FRIA marked not-required, or pending, gets its own message', () => {
      const { findings } = lint(`
- id: NR
  title: NR
  status: active
  ai: { category: decision-support, risk: high, fria: not-required, eu_registration: pending }
`);
      assert.match(one(findings, 'ai-fria-missing').message.en, /only under Annex III point 2/);
      assert.match(one(findings, 'ai-registration-missing').message.en, /pending/);
    });

    it('an Art. 6(3) exemption with profiling says that it never applies', () => {
      const { findings } = lint(`
- id: PROFILING
  title: Profiling
  status: active
  ai: { category: decision-support, risk: minimal, annex_iii: "4(a)", profiling: true, exemption: Nur vorbereitend }
`);
      const f = one(findings, 'ai-exemption-invalid');
      assert.match(f.message.en, /never applies with profiling/);
      assert.match(f.message.de, /nie bei Profiling/);
    });

    it('ai-literacy-missing points to strategy.yaml as the place to fix it', () => {
      const { findings } = lint(OPEN_DUTIES, '2026-11-26', STRATEGY);
      const f = one(findings, 'ai-literacy-missing', 'BOT');
      assert.equal(f.related?.[0]?.file, 'strategy.yaml');
    });
  });

  describe('AI Act applicability table (strategy/data/ai-act.ts)', () => {
    it('holds the dates of Art. 113 and Art. 111(2)', () => {
      assert.equal(AI_ACT_OBLIGATIONS.literacy.appliesFrom, '2025-02-02');
      assert.equal(AI_ACT_OBLIGATIONS.prohibited.appliesFrom, '2025-02-02');
      for (const id of ['oversight', 'registration', 'fria', 'transparency'] as const) assert.equal(AI_ACT_OBLIGATIONS[id].appliesFrom, '2026-08-02', id);
      assert.equal(AI_ACT_PUBLIC_LEGACY.inServiceBefore, '2026-08-02');
      assert.equal(AI_ACT_PUBLIC_LEGACY.compliesBy, '2030-08-02');
      assert.deepEqual(
        Object.entries(AI_ACT_OBLIGATIONS).filter(([, o]) => o.highRisk).map(([id]) => id).sort(),
        ['fria', 'oversight', 'registration'],
        'Art. 111(2) defers the high-risk duties only (not Art. 4, 5, 50)',
      );
    });

    it('a changed date in the table changes the rules (no date is repeated in rule code)', () => {
      const saved = AI_ACT_OBLIGATIONS.fria.appliesFrom;
      const before = one(lint(OPEN_DUTIES).findings, 'ai-fria-missing');
      assert.equal(before.severity, 'error');
      try {
        AI_ACT_OBLIGATIONS.fria.appliesFrom = '2027-12-02';
        const after = lint(OPEN_DUTIES).findings;
        assert.equal(one(after, 'ai-fria-missing').severity, 'warning');
        assert.match(one(after, 'ai-fria-missing').message.en, /applies from 2027-12-02/);
        // The other duties keep their own date.
        assert.equal(one(after, 'ai-registration-missing').severity, 'error');
      } finally {
        AI_ACT_OBLIGATIONS.fria.appliesFrom = saved;
      }
    });

    it('a changed Art. 111(2) deadline moves the transition of systems already in service', () => {
      const legacy = `
- id: OLD
  title: Seit 2024 im Einsatz
  status: active
  ai: { category: decision-support, risk: high, in_service_since: 2024-03-01 }
`;
      const saved = AI_ACT_PUBLIC_LEGACY.compliesBy;
      assert.equal(one(lint(legacy, '2030-08-01').findings, 'ai-oversight-missing').severity, 'warning');
      assert.equal(one(lint(legacy, '2030-08-02').findings, 'ai-oversight-missing').severity, 'error');
      try {
        AI_ACT_PUBLIC_LEGACY.compliesBy = '2031-01-01';
        assert.equal(one(lint(legacy, '2030-08-02').findings, 'ai-oversight-missing').severity, 'warning');
        assert.match(one(lint(legacy, '2030-08-02').findings, 'ai-oversight-missing').message.en, /applies from 2031-01-01/);
      } finally {
        AI_ACT_PUBLIC_LEGACY.compliesBy = saved;
      }
    });

    it('rule modules contain no date literals (they read the table)', () => {
      for (const dir of ['strategy/rules/ai-act', 'strategy/rules/privacy']) {
        for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts'))) {
          const code = readFileSync(join(ROOT, dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
          assert.doesNotMatch(code, /['"`]\d{4}-\d{2}(-\d{2})?['"`]/, `${dir}/${file} has a date literal`);
        }
      }
    });

    it('a configured severity replaces the date-based case default', () => {
      const ws = new StrategyWorkspace();
      ws.setFile('strategy.yaml', STRATEGY + LITERACY + 'lint:\n  rules:\n    ai-fria-missing: info\n');
      ws.setFile('measures/cases.yaml', OPEN_DUTIES);
      assert.equal(one(ws.lint({ asOf: '2026-11-26' }).findings, 'ai-fria-missing').severity, 'info');
      assert.equal(only(ws.lint({ asOf: '2026-11-26', ruleOverrides: { 'ai-fria-missing': 'off' } }).findings, 'ai-fria-missing').length, 0);
    });
  });

  describe('waiver messages', () => {
    const waivers = `
- id: TYPO
  title: T
  status: planned
  waivers: [{ rule: dpia-mising, reason: Tippfehler }]
- id: EXPIRED
  title: E
  status: active
  waivers: [{ rule: privacy-review-missing, reason: Alt, until: 2026-06 }]
- id: UNUSED
  title: U
  status: planned
  waivers: [{ rule: ai-fria-missing, reason: Vorlage }]
`;
    it('a waiver for an unknown rule suggests the closest rule id', () => {
      const f = one(lint(waivers).findings, 'waiver-unused', 'TYPO');
      assert.match(f.message.en, /unknown rule "dpia-mising".*did you mean "dpia-missing"\?/);
      assert.match(f.message.de, /unbekannte Regel „dpia-mising“.*meinten Sie „dpia-missing“\?/);
    });

    it('an expired waiver names the rule and the day it ended', () => {
      const { findings } = lint(waivers);
      const f = one(findings, 'waiver-expired', 'EXPIRED');
      assert.match(f.message.en, /"privacy-review-missing" expired on 2026-06/);
      assert.equal(one(findings, 'privacy-review-missing', 'EXPIRED').severity, 'error');
    });

    it('an unused waiver names its rule; waived findings keep the waiver’s reason', () => {
      const { findings, waived } = lint(waivers.replace('until: 2026-06', 'until: 2027-06'));
      assert.match(one(findings, 'waiver-unused', 'UNUSED').message.en, /"ai-fria-missing" is not needed/);
      const w = one(waived, 'privacy-review-missing', 'EXPIRED');
      assert.deepEqual(w.waiver, { reason: 'Alt', until: '2027-06', by: undefined });
      assert.equal(only(findings, 'privacy-review-missing', 'EXPIRED').length, 0);
    });
  });
});
