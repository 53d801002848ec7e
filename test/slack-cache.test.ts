// The `negative-slack` rule reuses its schedule while no date, status, milestone or dependency
// changes (slackViolations in strategy/schedule/schedule.ts). This checks the reuse against the
// schedule itself: on random plans, after every edit an editor could make (dates, statuses,
// milestones, dependencies, the horizon, and edits that touch none of them), the violations the
// workspace's lint used equal those worked out from a fresh `schedule()` of the same model, and
// the incremental lint's findings equal a fresh workspace's.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { StrategyWorkspace, type LintResult } from '../strategy/index';
import { scheduleFromScratch, slackViolations, type SlackViolation } from '../strategy/schedule/schedule';
import type { Model } from '../strategy/model/types';
import { fcParams } from './helpers/arbitraries';

const AS_OF = '2026-06-01';

/** The violations as the rule found them before the caches: from the node objects of a schedule built from scratch. */
function reference(model: Model): SlackViolation[] {
  const plan = scheduleFromScratch(model, { milestoneDeadlines: true });
  const out: SlackViolation[] = [];
  for (const s of plan.nodes) {
    if (s.blocked || s.slack === undefined) continue;
    const node = s.node;
    const measure = model.measures.indexOf(node.measure);
    if (node.kind === 'milestone') {
      const ms = node.milestone;
      if (ms.status !== 'open' || !ms.date || !s.start.pushed || s.start.pushed <= 0 || (s.start.slack ?? 0) >= 0) continue;
      out.push({ measure, milestone: node.measure.milestones.indexOf(ms), chain: plan.pushChain(s.ref), earliest: s.start.earliest!, days: -s.start.slack! });
    } else {
      const end = s.end;
      if (!node.measure.end || !end.pushed || end.pushed <= 0 || !end.planned || !plan.target.day || end.planned > plan.target.day || (end.slack ?? 0) >= 0) continue;
      if (end.earliest! <= plan.target.day) continue;
      out.push({ measure, chain: plan.pushChain(s.ref), earliest: end.earliest!, days: -end.slack!, target: plan.target.day });
    }
  }
  return out;
}

interface PlanMilestone {
  date?: string;
  status: string;
  dependsOn: string[];
}
interface PlanMeasure {
  status: string;
  start?: string;
  end?: string;
  owner: boolean;
  dependsOn: string[];
  milestones: PlanMilestone[];
}

const COUNT = 6;
const ids = Array.from({ length: COUNT }, (_, i) => `M${i}`);
const refs = [...ids, ...ids.flatMap((id) => [`${id}/a`, `${id}/b`])];
// Dates mostly within two years and dependencies mostly on measures, so that plans are pushed often.
const month = fc.integer({ min: 0, max: 23 }).map((n) => `${2025 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`);
const day = fc.tuple(month, fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${m}-${String(d).padStart(2, '0')}`);
const date = fc.option(fc.oneof(month, day, fc.integer({ min: 2025, max: 2027 }).map(String)), { nil: undefined, freq: 8 });
const dependsOn = fc.uniqueArray(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom(...refs) }), { maxLength: 2 });
const milestone: fc.Arbitrary<PlanMilestone> = fc.record({ date, status: fc.constantFrom('open', 'open', 'done', 'cancelled'), dependsOn });

const measure: fc.Arbitrary<PlanMeasure> = fc.record({
  status: fc.constantFrom('planned', 'active', 'pilot', 'completed', 'cancelled', 'idea'),
  start: date,
  end: date,
  owner: fc.boolean(),
  dependsOn,
  milestones: fc.array(milestone, { maxLength: 2 }),
});
const horizon = fc.constantFrom('{ start: 2025, end: 2026 }', '{ start: 2025, end: 2026 }', '{ start: 2025, end: 2027 }', undefined);

/**
 * One edit: one field of one measure (each of the schedule's inputs on its own, and the owner,
 * which is none of them), a whole measure replaced, or the horizon.
 */
type Edit = { kind: 'measure'; index: number; change: (m: PlanMeasure) => PlanMeasure; what: string } | { kind: 'horizon'; horizon: string | undefined };
const status = fc.constantFrom('planned', 'active', 'pilot', 'completed', 'cancelled', 'idea');
const msStatus = fc.constantFrom('open', 'open', 'done', 'cancelled');
type Change = [string, (m: PlanMeasure) => PlanMeasure];
const change: fc.Arbitrary<Change> = fc.oneof<fc.Arbitrary<Change>[]>(
  measure.map((x): Change => ['whole measure', () => x]),
  fc.constant<Change>(['owner', (m) => ({ ...m, owner: !m.owner })]),
  status.map((x): Change => [`status ${x}`, (m: PlanMeasure) => ({ ...m, status: x })]),
  date.map((x): Change => [`start ${x}`, (m: PlanMeasure) => ({ ...m, start: x })]),
  date.map((x): Change => [`end ${x}`, (m: PlanMeasure) => ({ ...m, end: x })]),
  dependsOn.map((x): Change => [`depends_on ${x}`, (m: PlanMeasure) => ({ ...m, dependsOn: x })]),
  fc.tuple(fc.nat(1), date).map(([k, x]): Change => [`milestone ${k} date ${x}`, (m: PlanMeasure) => ({ ...m, milestones: m.milestones.map((ms, j) => (j === k ? { ...ms, date: x } : ms)) })]),
  fc.tuple(fc.nat(1), msStatus).map(([k, x]): Change => [`milestone ${k} status ${x}`, (m: PlanMeasure) => ({ ...m, milestones: m.milestones.map((ms, j) => (j === k ? { ...ms, status: x } : ms)) })]),
  fc.constant<Change>(['milestones swapped', (m) => ({ ...m, milestones: [...m.milestones].reverse() })]),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('measure' as const), index: fc.nat(COUNT - 1), change }).map(({ kind, index, change: [what, fn] }) => ({ kind, index, change: fn, what })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('horizon' as const), horizon }) },
);

function measureText(id: string, m: PlanMeasure): string {
  const lines = [`- id: ${id}`, `  title: Maßnahme ${id}`, `  status: ${m.status}`];
  if (m.owner) lines.push('  owner: Amt 10');
  if (m.start) lines.push(`  start: ${m.start}`);
  if (m.end) lines.push(`  end: ${m.end}`);
  if (m.dependsOn.length) lines.push(`  depends_on: [${m.dependsOn.join(', ')}]`);
  if (m.milestones.length) {
    lines.push('  milestones:');
    m.milestones.forEach((ms, k) => {
      lines.push(`    - id: ${'ab'[k]}`, `      title: Meilenstein ${'ab'[k]}`, `      status: ${ms.status}`);
      if (ms.date) lines.push(`      date: ${ms.date}`);
      if (ms.dependsOn.length) lines.push(`      depends_on: [${ms.dependsOn.join(', ')}]`);
    });
  }
  return lines.join('\n') + '\n';
}
const strategyText = (h: string | undefined) => `schema: 1\ntitle: T\norganisation: O\n${h ? `horizon: ${h}\n` : ''}`;

const slackFindings = (r: LintResult) => JSON.stringify(r.findings.filter((f) => f.rule === 'negative-slack'));

describe('negative-slack: the schedule reused while its inputs stay the same', () => {
  it('after every edit, the violations equal a fresh schedule’s and the findings a fresh lint’s', () => {
    // Both paths must be taken: reused (the same list as before the edit) and computed anew, with violations.
    let reused = 0;
    let computed = 0;
    let withViolations = 0;
    fc.assert(
      fc.property(fc.array(measure, { minLength: COUNT, maxLength: COUNT }), horizon, fc.array(edit, { minLength: 1, maxLength: 8 }), (plan, h, edits) => {
        const files = new Map<string, string>([['strategy.yaml', strategyText(h)]]);
        plan.forEach((m, i) => files.set(`measures/${ids[i]}.yaml`, measureText(ids[i], m)));
        const ws = new StrategyWorkspace();
        for (const [p, c] of files) ws.setFile(p, c);
        let previous = ws.lint({ asOf: AS_OF });
        assert.deepEqual(slackViolations(previous.model), reference(previous.model));
        for (const e of edits) {
          let path: string;
          if (e.kind === 'horizon') path = 'strategy.yaml';
          else path = `measures/${ids[e.index]}.yaml`;
          if (e.kind === 'measure') plan[e.index] = e.change(plan[e.index]);
          files.set(path, e.kind === 'horizon' ? strategyText(e.horizon) : measureText(ids[e.index], plan[e.index]));
          const before = slackViolations(previous.model);
          const { result } = ws.update(path, files.get(path)!, previous, { asOf: AS_OF });
          // The lint just ran the rule: this call returns what the rule used (reused or computed).
          const violations = slackViolations(result.model);
          if (violations === before) reused++;
          else computed++;
          if (violations.length) withViolations++;
          assert.deepEqual(violations, reference(result.model), `after ${e.kind === 'measure' ? e.what : e.kind} of ${path}`);
          const fresh = new StrategyWorkspace();
          for (const [p, c] of files) fresh.setFile(p, c);
          assert.equal(slackFindings(result), slackFindings(fresh.lint({ asOf: AS_OF })), `findings after ${e.kind === 'measure' ? e.what : e.kind} of ${path}`);
          previous = result;
        }
      }),
      fcParams(100),
    );
    assert.ok(reused > 0 && computed > 0 && withViolations > 0, `reused ${reused}, computed ${computed}, with violations ${withViolations}`);
  });

  // M1 waits for M0 (ends 2026-12) but is planned from 2026-06: its milestone a (2026-09) and its end
  // (2026-11, pushed past the horizon end 2026-12-31) cannot hold. Each edit below changes one input.
  const m0: PlanMeasure = { status: 'planned', start: '2026-01', end: '2026-12', owner: true, dependsOn: [], milestones: [] };
  const m1: PlanMeasure = { status: 'planned', start: '2026-06', end: '2026-11', owner: true, dependsOn: ['M0'], milestones: [{ date: '2026-09', status: 'open', dependsOn: [] }, { date: '2026-10', status: 'done', dependsOn: [] }] };
  const cases: Array<[string, number | 'horizon', (m: PlanMeasure) => PlanMeasure, string?]> = [
    ['the dependency cancelled', 0, (m) => ({ ...m, status: 'cancelled' })],
    ['the dependency ends earlier', 0, (m) => ({ ...m, end: '2026-05' })],
    ['the measure planned to start earlier', 1, (m) => ({ ...m, start: '2026-02' })],
    ['the milestone done', 1, (m) => ({ ...m, milestones: [{ ...m.milestones[0], status: 'done' }, m.milestones[1]] })],
    ['the milestone later', 1, (m) => ({ ...m, milestones: [{ ...m.milestones[0], date: '2026-12-20' }, m.milestones[1]] })],
    ['the milestones swapped', 1, (m) => ({ ...m, milestones: [m.milestones[1], m.milestones[0]] })],
    ['the measure planned to end later', 1, (m) => ({ ...m, end: '2026-12-15' })],
    ['the dependency dropped', 1, (m) => ({ ...m, dependsOn: [] })],
    ['the horizon a year longer', 'horizon', (m) => m, '{ start: 2025, end: 2027 }'],
  ];
  for (const [what, index, fn, h] of cases) {
    it(`computes anew when ${what}`, () => {
      const ws = new StrategyWorkspace();
      ws.setFile('strategy.yaml', strategyText('{ start: 2025, end: 2026 }'));
      ws.setFile('measures/M0.yaml', measureText('M0', m0));
      ws.setFile('measures/M1.yaml', measureText('M1', m1));
      const previous = ws.lint({ asOf: AS_OF });
      const before = slackViolations(previous.model);
      assert.equal(before.length, 2);
      const { result } = index === 'horizon' ? ws.update('strategy.yaml', strategyText(h), previous, { asOf: AS_OF }) : ws.update(`measures/M${index}.yaml`, measureText(`M${index}`, fn(index ? m1 : m0)), previous, { asOf: AS_OF });
      const after = slackViolations(result.model);
      assert.notEqual(after, before);
      assert.deepEqual(after, reference(result.model));
      assert.notDeepEqual(after, before);
    });
  }

  it('reuses the violations when an edit leaves every input as it was (the owner)', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', strategyText('{ start: 2025, end: 2026 }'));
    ws.setFile('measures/M0.yaml', measureText('M0', m0));
    ws.setFile('measures/M1.yaml', measureText('M1', m1));
    const previous = ws.lint({ asOf: AS_OF });
    const before = slackViolations(previous.model);
    const { result } = ws.update('measures/M1.yaml', measureText('M1', { ...m1, owner: false }), previous, { asOf: AS_OF });
    assert.equal(slackViolations(result.model), before);
    // The findings point into the edited file as it reads now (one line less above them).
    const lines = (r: LintResult) => r.findings.filter((f) => f.rule === 'negative-slack').map((f) => f.range.start.line);
    assert.deepEqual(lines(result), lines(previous).map((l) => l - 1));
  });

  it('finds violations in the generated plans at all (the property above is not empty)', () => {
    const files = new Map<string, string>([['strategy.yaml', strategyText('{ start: 2025, end: 2026 }')]]);
    files.set('measures/M0.yaml', measureText('M0', { status: 'planned', start: '2026-01', end: '2026-12', owner: true, dependsOn: [], milestones: [] }));
    files.set('measures/M1.yaml', measureText('M1', { status: 'planned', start: '2026-06', end: '2026-11', owner: true, dependsOn: ['M0'], milestones: [{ date: '2026-09', status: 'open', dependsOn: [] }] }));
    const ws = new StrategyWorkspace();
    for (const [p, c] of files) ws.setFile(p, c);
    const r = ws.lint({ asOf: AS_OF });
    assert.deepEqual(
      slackViolations(r.model).map((v) => [v.measure, v.milestone, v.chain]),
      [
        [1, undefined, ['M0', 'M1']],
        [1, 0, ['M0', 'M1', 'M1/a']],
      ],
    );
  });
});
