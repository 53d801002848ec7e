import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StrategyWorkspace, RULES_BY_ID, type Finding } from '../strategy/index';
import { planningRules } from '../strategy/rules/planning/index';
import { fundingRules } from '../strategy/rules/funding/index';
import { FUNDING_REQUIRED } from '../strategy/data/funding';
import type { LintOptions } from '../strategy/config';

const ROOT = join(__dirname, '..');
const STRATEGY = 'schema: 1\ntitle: Digitalstrategie Teststadt\norganisation: Stadt Teststadt\n';

function lint(measures: string, options: Partial<LintOptions> & { strategy?: string; funding?: string } = {}) {
  const ws = new StrategyWorkspace();
  ws.setFile('strategy.yaml', options.strategy ?? STRATEGY);
  if (options.funding) ws.setFile('funding.yaml', options.funding);
  ws.setFile('measures/cases.yaml', measures);
  return ws.lint({ asOf: '2026-11-26', ...options });
}

function only(findings: Finding[], rule: string, measure?: string): Finding[] {
  return findings.filter((f) => f.rule === rule && (measure === undefined || f.measure === measure));
}

function one(findings: Finding[], rule: string, measure?: string): Finding {
  const list = only(findings, rule, measure);
  assert.equal(list.length, 1, `expected one ${rule} finding${measure ? ` for ${measure}` : ''}, got ${list.length}`);
  return list[0];
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in text`);
  return text.slice(0, at).split('\n').length;
}

describe('planning and funding rules', () => {
  const mine = [...planningRules, ...fundingRules];

  describe('rule metadata', () => {
    it('registers every planning and funding rule of SPEC §4.1 with its default severity', () => {
      const expected: Record<string, string> = {
        'schedule-conflict': 'warning',
        'milestone-overdue': 'warning',
        'status-mismatch': 'warning',
        'owner-missing': 'warning',
        'not-anchored': 'warning',
        'outside-horizon': 'info',
        'negative-slack': 'warning',
        'funding-missing': 'error',
        'funding-gap': 'warning',
        'funding-pending': 'info',
        'funding-deadline': 'warning',
      };
      assert.deepEqual(mine.map((r) => r.id).sort(), Object.keys(expected).sort());
      for (const [id, severity] of Object.entries(expected)) {
        assert.equal(RULES_BY_ID.get(id)?.defaultSeverity, severity, id);
      }
      assert.equal(RULES_BY_ID.get('schedule-conflict')?.scope, 'repository', 'reads other measures');
      for (const r of mine.filter((x) => x.id !== 'schedule-conflict' && x.id !== 'negative-slack')) assert.equal(r.scope, 'measure', `${r.id} reads one measure and the catalogues`);
    });

    for (const rule of [...planningRules, ...fundingRules]) {
      it(`${rule.id}: German and English texts, German quotes, a docs page with every section`, () => {
        for (const t of [rule.description, ...Object.values(rule.messages)]) {
          assert.ok(t.de.trim() && t.en.trim(), `${rule.id}: empty text`);
          assert.ok(!t.de.includes('"'), `${rule.id}: German text uses "…" instead of „…“: ${t.de}`);
          assert.notEqual(t.de, t.en, `${rule.id}: German text is the English one`);
          // Placeholders must match, or one language would show a raw `{name}`.
          const names = (s: string) => [...s.matchAll(/\{(\w+?)(?:_de|_en)?\}/g)].map((m) => m[1]).sort();
          assert.deepEqual(names(t.de), names(t.en), `${rule.id}: placeholders differ: ${t.de} / ${t.en}`);
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

  describe('schedule-conflict', () => {
    const TEXT = `
- id: BASIS
  title: Basis
  status: active
  start: 2025-01
  end: 2026-06
  milestones:
    - { id: abnahme, title: Abnahme, date: 2026-03-31, status: open }
- id: FOLGE
  title: Folge
  status: planned
  start: 2026-05
  depends_on: [BASIS]
  milestones:
    - { id: go, title: Go, date: 2026-02, status: open, depends_on: [BASIS/abnahme] }
`;

    it('names the dependency and both dates, and links to the dependency’s end', () => {
      const { findings } = lint(TEXT);
      const f = only(findings, 'schedule-conflict').find((x) => x.range.start.line === lineOf(TEXT, 'start: 2026-05'))!;
      assert.ok(f, 'a finding at the start value');
      assert.equal(f.measure, 'FOLGE');
      assert.match(f.message.de, /Beginn 2026-05 .*„BASIS“ \(2026-06\)/);
      assert.match(f.message.en, /Starts 2026-05, before "BASIS" ends \(2026-06\)/);
      assert.equal(f.related?.length, 1);
      assert.equal(f.related![0].file, 'measures/cases.yaml');
      assert.equal(f.related![0].range.start.line, lineOf(TEXT, 'end: 2026-06'));
      assert.match(f.related![0].message.en, /End of "BASIS"/);
    });

    it('a milestone is due on the last day of its date: 2026-02 is before 2026-03-31, 2026-03 is not', () => {
      const f = one(lint(TEXT).findings.filter((x) => x.range.start.line === lineOf(TEXT, 'id: go')), 'schedule-conflict');
      assert.match(f.message.en, /Milestone "go" \(2026-02\) is before milestone "BASIS\/abnahme" \(2026-03-31\)/);
      assert.match(f.message.de, /Meilenstein „go“ \(2026-02\) liegt vor dem Meilenstein „BASIS\/abnahme“/);
      const fixed = TEXT.replace('date: 2026-02,', 'date: 2026-03,');
      assert.equal(only(lint(fixed).findings, 'schedule-conflict', 'FOLGE').length, 1, 'only the start conflict is left');
    });

    it('forgets a conflict once the dependency is cancelled', () => {
      const cancelled = TEXT.replace('status: active', 'status: cancelled');
      assert.deepEqual(only(lint(cancelled).findings, 'schedule-conflict'), []);
    });

    it('checks a long chain of measures (each starting a month too early) without recursion', () => {
      const n = 1000;
      const month = (k: number) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        parts.push(`- id: M${i}\n  title: M${i}\n  status: planned\n  start: ${month(i)}\n  end: ${month(i + 1)}\n${i ? `  depends_on: [M${i - 1}]\n` : ''}`);
      }
      const conflicts = only(lint(parts.join('')).findings, 'schedule-conflict');
      assert.equal(conflicts.length, n - 1);
      assert.deepEqual(new Set(conflicts.map((f) => f.measure)).has('M0'), false);
    });
  });

  describe('milestone-overdue and status-mismatch', () => {
    const MILESTONE = `
- id: VERGABE
  title: Vergabe
  status: planned
  milestones:
    - { id: zuschlag, title: Zuschlag, date: 2026-05-15, status: open }
`;

    it('an open milestone is overdue from the day after its date', () => {
      assert.deepEqual(only(lint(MILESTONE, { asOf: '2026-05-15' }).findings, 'milestone-overdue'), []);
      const f = one(lint(MILESTONE, { asOf: '2026-05-16' }).findings, 'milestone-overdue');
      assert.equal(f.range.start.line, lineOf(MILESTONE, 'zuschlag'));
      assert.match(f.message.de, /„zuschlag“ war zum 2026-05-15 fällig/);
      assert.match(f.message.en, /"zuschlag" was due 2026-05-15 and is still open/);
    });

    it('an open milestone of a completed measure is a status mismatch, not an overdue milestone', () => {
      const { findings } = lint(MILESTONE.replace('status: planned', 'status: completed'), { asOf: '2026-06-01' });
      assert.deepEqual(only(findings, 'milestone-overdue'), []);
      const f = one(findings, 'status-mismatch');
      assert.match(f.message.en, /completed but milestone "zuschlag" is still open/);
      assert.match(f.message.de, /abgeschlossen, der Meilenstein „zuschlag“ aber noch offen/);
    });

    it('each status contradiction has its own message naming the date and the as-of date', () => {
      const { findings } = lint(`
- { id: PILOT, title: P, status: pilot, start: 2027-01 }
- { id: AKTIV, title: A, status: active, start: 2025-01, end: 2026-10 }
- { id: FERTIG, title: F, status: completed, end: 2027-03 }
- { id: IDEE, title: I, status: idea, end: 2025 }
`);
      assert.match(one(findings, 'status-mismatch', 'PILOT').message.en, /Status "pilot" but the start 2027-01 is after the as-of date 2026-11-26/);
      assert.match(one(findings, 'status-mismatch', 'AKTIV').message.de, /Status „active“, das Ende 2026-10 liegt aber vor dem Stichtag 2026-11-26/);
      assert.match(one(findings, 'status-mismatch', 'FERTIG').message.en, /completed but its end 2027-03 is after the as-of date/);
      assert.match(one(findings, 'status-mismatch', 'IDEE').message.en, /Status "idea" but the end 2025 is already before the as-of date/);
    });
  });

  describe('outside-horizon', () => {
    it('names the horizon and links to it in strategy.yaml', () => {
      const strategy = `${STRATEGY}horizon:\n  start: 2024\n  end: 2030\n`;
      const f = one(lint('- { id: LANG, title: L, status: planned, start: 2029, end: 2031-Q1 }\n', { strategy }).findings, 'outside-horizon');
      assert.match(f.message.de, /Ende 2031-Q1 liegt nach dem Zeitraum der Strategie \(2024–2030\)/);
      assert.match(f.message.en, /End 2031-Q1 is after the strategy's period \(2024–2030\)/);
      assert.equal(f.related?.[0]?.file, 'strategy.yaml');
      assert.equal(f.related?.[0]?.range.start.line, lineOf(strategy, 'start: 2024'));
    });

    it('says "from" for a horizon without an end', () => {
      const strategy = `${STRATEGY}horizon:\n  start: 2024\n`;
      const f = one(lint('- { id: ALT, title: A, status: completed, start: 2023-06 }\n', { strategy }).findings, 'outside-horizon');
      assert.match(f.message.en, /\(from 2024\)/);
      assert.match(f.message.de, /\(ab 2024\)/);
    });
  });

  describe('funding-missing', () => {
    const CASES = `
- { id: GEPLANT, title: G, status: planned }
- { id: PILOT, title: P, status: pilot }
- { id: AKTIV, title: A, status: active, funding: [{ source: own, status: rejected }] }
- { id: IDEE, title: I, status: idea }
`;

    it('planned is a warning, pilot/active an error; the message names the status', () => {
      const { findings } = lint(CASES);
      assert.equal(one(findings, 'funding-missing', 'GEPLANT').severity, 'warning');
      const pilot = one(findings, 'funding-missing', 'PILOT');
      assert.equal(pilot.severity, 'error');
      assert.match(pilot.message.de, /Status „pilot“.*„source: own“/);
      assert.match(one(findings, 'funding-missing', 'AKTIV').message.en, /Every funding entry was rejected/);
      assert.deepEqual(only(findings, 'funding-missing', 'IDEE'), []);
    });

    it('a configured severity replaces both case defaults', () => {
      const { findings } = lint(CASES, { ruleOverrides: { 'funding-missing': 'warning' } });
      assert.deepEqual(only(findings, 'funding-missing').map((f) => f.severity), ['warning', 'warning', 'warning']);
    });

    it('reads the statuses that need funding from the data table', () => {
      const table = FUNDING_REQUIRED as Record<string, string | undefined>;
      const saved = table.idea;
      try {
        table.idea = 'info';
        assert.equal(one(lint(CASES).findings, 'funding-missing', 'IDEE').severity, 'info');
      } finally {
        if (saved === undefined) delete table.idea;
        else table.idea = saved;
      }
      assert.deepEqual(only(lint(CASES).findings, 'funding-missing', 'IDEE'), []);
    });
  });

  describe('funding-gap and funding-pending', () => {
    it('names cost, secured money, gap and pending money in each language’s money format', () => {
      const text = `
- id: LUECKE
  title: L
  status: pilot
  cost: 1250000
  funding:
    - { source: own, status: granted, amount: 250000 }
    - { source: efre-nrw, status: applied, amount: 600000 }
`;
      const f = one(lint(text).findings, 'funding-gap');
      assert.equal(f.range.start.line, lineOf(text, '1250000'));
      assert.match(f.message.de, /Kosten 1\.250\.000\s€ sind nur mit 250\.000\s€ .*Lücke 1\.000\.000\s€; 600\.000\s€ beantragt/);
      assert.match(f.message.en, /Cost €1,250,000 is covered by only €250,000 .*gap €1,000,000; €600,000 applied for/);
    });

    it('own funds without an amount cover the rest', () => {
      const { findings } = lint(`
- id: REST
  title: R
  status: active
  cost: 100000
  funding:
    - { source: efre-nrw, status: granted, amount: 60000 }
    - { source: own, status: planned }
`);
      assert.deepEqual(only(findings, 'funding-gap'), []);
      assert.deepEqual(only(findings, 'funding-pending'), [], 'own funds are not pending money');
    });

    it('a running measure on applied money only is pending, and stops being so with a grant', () => {
      const text = `
- id: PILOT
  title: P
  status: pilot
  funding:
    - { source: efre-nrw, status: applied }
`;
      const f = one(lint(text).findings, 'funding-pending');
      assert.equal(f.severity, 'info');
      assert.equal(f.range.start.line, lineOf(text, 'funding:'));
      assert.match(f.message.en, /running \("pilot"\) but its funding is not secured/);
      assert.deepEqual(only(lint(text.replace('applied', 'granted')).findings, 'funding-pending'), []);
    });
  });

  describe('funding-deadline', () => {
    const FUNDING = 'programmes:\n  - id: horizon-europe\n    name: Horizont Europa\n    provider: eu\n    deadline: 2027-01-20\n';
    const MEASURE = `
- id: VERKEHR
  title: V
  status: planned
  funding:
    - { source: horizon-europe, status: candidate }
`;

    it('says the deadline and the days left, and links to the programme’s deadline', () => {
      const f = one(lint(MEASURE, { funding: FUNDING }).findings, 'funding-deadline');
      assert.equal(f.range.start.line, lineOf(MEASURE, 'source: horizon-europe'));
      assert.match(f.message.de, /Antragsfrist von „Horizont Europa“ endet am 2027-01-20, in 55 Tagen/);
      assert.match(f.message.en, /deadline of "Horizont Europa" is 2027-01-20, in 55 days, and this funding is still "candidate"/);
      assert.equal(f.related?.[0]?.file, 'funding.yaml');
      assert.equal(f.related?.[0]?.range.start.line, lineOf(FUNDING, 'deadline:'));
    });

    it('counts the window from the as-of date up to lint.deadline_days, both ends included', () => {
      const count = (asOf: string, strategy = STRATEGY) => only(lint(MEASURE, { funding: FUNDING, asOf, strategy }).findings, 'funding-deadline').length;
      assert.equal(count('2026-11-20'), 0, '61 days ahead');
      assert.equal(count('2026-11-21'), 1, '60 days ahead');
      assert.equal(count('2027-01-20'), 1, 'the deadline day itself');
      assert.equal(count('2027-01-21'), 0, 'passed');
      assert.equal(count('2026-11-20', `${STRATEGY}lint:\n  deadline_days: 61\n`), 1, 'a wider window from strategy.yaml');
    });

    it('says "today" and "tomorrow" instead of a number of days', () => {
      assert.match(one(lint(MEASURE, { funding: FUNDING, asOf: '2027-01-20' }).findings, 'funding-deadline').message.en, /is today \(2027-01-20\)/);
      assert.match(one(lint(MEASURE, { funding: FUNDING, asOf: '2027-01-19' }).findings, 'funding-deadline').message.de, /endet morgen \(2027-01-20\)/);
    });

    it('is done once the application is made', () => {
      assert.deepEqual(only(lint(MEASURE.replace('candidate', 'applied'), { funding: FUNDING }).findings, 'funding-deadline'), []);
    });
  });
});
