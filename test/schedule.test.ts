import { strict as assert } from 'node:assert';
import { StrategyWorkspace } from '../strategy/index';
import { delayImpact, schedule, UnknownTargetError, type Schedule } from '../strategy/schedule/schedule';
import type { Model } from '../strategy/model/types';

/** A model from one measures file; horizon 2026 (ends 2026-12-31) unless given. */
function modelOf(measures: string, horizon = '{ start: 2026, end: 2026 }'): Model {
  const ws = new StrategyWorkspace();
  ws.setFile('strategy.yaml', `schema: 1\ntitle: T\norganisation: O\nhorizon: ${horizon}\n`);
  ws.setFile('measures/all.yaml', measures);
  return ws.model();
}

const slackOf = (s: Schedule) => Object.fromEntries(s.nodes.map((n) => [n.ref, n.slack]));
const path = (s: Schedule) => s.criticalPath.map((n) => n.ref);

// Every expected number below is worked out by hand in the comment above it (days, same day allowed).
describe('critical path and slack (strategy/schedule)', () => {
  // Plan 1 – a chain A → B → C, each a quarter of 2026; horizon end 2026-12-31.
  // C: latest end 12-31, length 91 (07-01 … 09-30) → latest start 10-01, slack 92.
  // B: latest end 10-01 (C's latest start), 06-30 planned → slack 93. Latest start 10-01 − 90 = 07-03.
  // A: latest end 07-03, planned 03-31 → slack 94.
  const chain = modelOf(`
- { id: A, title: A, status: planned, start: 2026-01-01, end: 2026-03-31 }
- { id: B, title: B, status: planned, start: 2026-04-01, end: 2026-06-30, depends_on: [A] }
- { id: C, title: C, status: planned, start: 2026-07-01, end: 2026-09-30, depends_on: [B] }
`);

  it('plan 1, a chain: slack grows by the one-day gaps back from the horizon end', () => {
    const s = schedule(chain);
    assert.deepEqual(slackOf(s), { A: 94, B: 93, C: 92 });
    assert.deepEqual(path(s), ['A', 'B', 'C']);
    assert.equal(s.target.day, '2026-12-31');
    assert.equal(s.byRef.get('B')!.end.latest, '2026-10-01');
    assert.equal(s.byRef.get('B')!.start.latest, '2026-07-03');
  });

  // Plan 2 – parallel branches to a target: A (January) → B (02-01 … 05-31) and C (02-01 … 03-31) → D (June).
  // Target D: latest end 06-30, latest start 06-01 → slack 0.
  // B: latest end 06-01 → slack 1; latest start 06-01 − 119 = 02-02.
  // C: latest end 06-01 → slack 06-01 − 03-31 = 62; latest start 06-01 − 58 = 04-04.
  // A: latest end min(02-02, 04-04) = 02-02 → slack 2. Critical path A → B → D.
  const parallel = modelOf(`
- { id: A, title: A, status: planned, start: 2026-01-01, end: 2026-01-31 }
- { id: B, title: B, status: planned, start: 2026-02-01, end: 2026-05-31, depends_on: [A] }
- { id: C, title: C, status: planned, start: 2026-02-01, end: 2026-03-31, depends_on: [A] }
- { id: D, title: D, status: planned, start: 2026-06-01, end: 2026-06-30, depends_on: [B, C] }
`);

  it('plan 2, parallel branches: the longer branch is critical, the shorter has slack', () => {
    const s = schedule(parallel, { target: 'D' });
    assert.deepEqual(slackOf(s), { A: 2, B: 1, C: 62, D: 0 });
    assert.deepEqual(path(s), ['A', 'B', 'D']);
    assert.equal(s.byRef.get('C')!.critical, false);
    assert.equal(s.target.day, '2026-06-30');
  });

  // Plan 3 – milestone dependencies: Q starts after P/abnahme (03-31); the target is Q/live (06-15).
  // Q/live: deadline 06-15, 75 days after Q's start → Q's latest start 04-01 = planned: slack 0.
  // P/abnahme: latest 04-01 → slack 1. P's start: latest 04-01 − 89 = 01-02 → slack 1.
  // Neither P's end nor Q's end lead to the target: no latest day, so no slack from them.
  const milestones = modelOf(`
- id: P
  title: P
  status: active
  start: 2026-01-01
  end: 2026-12-31
  milestones:
    - { id: abnahme, title: Abnahme, date: 2026-03-31, status: open }
- id: Q
  title: Q
  status: planned
  start: 2026-04-01
  end: 2026-06-30
  depends_on: [P/abnahme]
  milestones:
    - { id: live, title: Live, date: 2026-06-15, status: open }
`);

  it('plan 3, milestone dependencies: the path runs through the milestone, not the measure end', () => {
    const s = schedule(milestones, { target: 'Q/live' });
    assert.deepEqual(slackOf(s), { P: 1, 'P/abnahme': 1, Q: 0, 'Q/live': 0 });
    assert.deepEqual(path(s), ['P', 'P/abnahme', 'Q', 'Q/live']);
    assert.equal(s.byRef.get('P')!.end.latest, undefined);
    assert.equal(s.byRef.get('P')!.start.latest, '2026-01-02');
  });

  // Plan 4 – negative slack: B needs A (ends 06-30) but is planned from 05-01.
  // B's start is pushed to 06-30 (60 days). B/go is 91 days after B's start: earliest 09-29, planned 07-31 → slack −60.
  // B's end (31 days after go) moves to 10-30; C (09-01 … 12-31, needs B) starts 10-30 at the earliest (59 days later)
  // and ends 10-30 + 121 = 2027-02-28: 59 days past the horizon end 2026-12-31.
  const late = `
- { id: A, title: A, status: active, start: 2026-01, end: 2026-06 }
- id: B
  title: B
  status: planned
  start: 2026-05
  end: 2026-08
  depends_on: [A]
  milestones:
    - { id: go, title: Go, date: 2026-07, status: open }
- { id: C, title: C, status: planned, start: 2026-09, end: 2026-12, depends_on: [B] }
`;

  it('plan 4, negative slack: pushed milestones and ends have negative slack', () => {
    const s = schedule(modelOf(late), { milestoneDeadlines: true });
    const go = s.byRef.get('B/go')!;
    assert.equal(go.start.earliest, '2026-09-29');
    assert.equal(go.start.pushed, 60);
    assert.equal(go.slack, -60);
    assert.equal(s.byRef.get('A')!.slack, -60);
    const c = s.byRef.get('C')!;
    assert.equal(c.end.earliest, '2027-02-28');
    assert.equal(c.end.slack, -59);
    assert.deepEqual(s.pushChain('B/go'), ['A', 'B', 'B/go']);
    assert.deepEqual(s.pushChain('C'), ['A', 'B', 'C']);
    assert.deepEqual(s.pushChain('A'), ['A']);
  });

  it('plan 4 as findings: negative-slack at the milestone date and at the end past the horizon', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\nhorizon: { start: 2026, end: 2026 }\n');
    ws.setFile('measures/all.yaml', late);
    const found = ws.lint({ asOf: '2026-01-15' }).findings.filter((f) => f.rule === 'negative-slack');
    assert.deepEqual(
      found.map((f) => `${f.measure} ${f.range.start.line} ${f.severity}`),
      ['B 10 warning', 'C 11 warning'],
    );
    assert.match(found[0].message.en, /Milestone "go" \(2026-07\) cannot hold: through A → B → B\/go it is reachable on 2026-09-29 at the earliest \(60 days/);
    assert.match(found[0].message.de, /Meilenstein „go“ \(2026-07\) ist nicht zu halten: über A → B → B\/go frühestens am 2026-09-29/);
    assert.match(found[1].message.en, /End 2026-12 cannot hold: through A → B → C .* 2027-02-28 .*\(2026; 59 days/);
  });

  // Plan 5 – delay propagation on plan 1: A slips 10 days. A moves 10; B's start was 1 day after A's end,
  // so it moves 9 (04-10); C's start was 1 day after B's end: 8 (07-09).
  it('plan 5, delay propagation: a slip shrinks by the gaps along the chain', () => {
    const moved = delayImpact(chain, 'A', 10).map((d) => [d.ref, d.start, d.end, d.newStart]);
    assert.deepEqual(moved, [
      ['A', 10, 10, '2026-01-11'],
      ['B', 9, 9, '2026-04-10'],
      ['C', 8, 8, '2026-07-09'],
    ]);
    assert.deepEqual(delayImpact(chain, 'C', 10).map((d) => d.ref), ['C']);
    // Parallel: a 30-day slip of C (62 days slack before D) moves nothing after it.
    assert.deepEqual(delayImpact(parallel, 'C', 30).map((d) => d.ref), ['C']);
    // B has 1 day: 5 days of slip move D by 4.
    assert.deepEqual(delayImpact(parallel, 'B', 5).map((d) => [d.ref, d.end]), [['B', 5], ['D', 4]]);
  });

  // Plan 6 – facts and gaps: done milestones and completed measures stay put, cancelled ones take
  // no part, cycles (and what waits for them) get no dates.
  it('plan 6, done, cancelled and cycles', () => {
    const s = schedule(
      modelOf(`
- { id: A, title: A, status: completed, start: 2026-01-01, end: 2026-01-31 }
- { id: X, title: X, status: cancelled, start: 2026-01-01, end: 2026-12-31 }
- { id: B, title: B, status: planned, start: 2026-01-15, end: 2026-02-28, depends_on: [A, X] }
- { id: K1, title: K1, status: planned, start: 2026-03-01, end: 2026-03-31, depends_on: [K2] }
- { id: K2, title: K2, status: planned, start: 2026-03-01, end: 2026-03-31, depends_on: [K1] }
- { id: K3, title: K3, status: planned, start: 2026-04-01, end: 2026-04-30, depends_on: [K1] }
`),
      { slips: new Map([['A', 5]]) },
    );
    assert.equal(s.byRef.has('X'), false);
    assert.equal(s.byRef.get('A')!.end.earliest, '2026-01-31', 'a completed measure does not slip');
    assert.equal(s.byRef.get('B')!.start.earliest, '2026-01-31', 'B waits for A (not for the cancelled X)');
    assert.equal(s.byRef.get('B')!.end.pushed, 16);
    for (const ref of ['K1', 'K2', 'K3']) {
      assert.equal(s.byRef.get(ref)!.blocked, true, ref);
      assert.equal(s.byRef.get(ref)!.start.earliest, undefined);
    }
  });

  it('names an unknown target', () => {
    assert.throws(() => schedule(chain, { target: 'NOPE' }), UnknownTargetError);
  });

  it('is linear: a chain of 5,000 measures is scheduled in one pass', () => {
    const lines = ['- { id: M0, title: M, status: planned, start: 2026-01-01, end: 2026-01-01 }'];
    for (let i = 1; i < 5_000; i++) lines.push(`- { id: M${i}, title: M, status: planned, start: 2026-01-01, end: 2026-01-01, depends_on: [M${i - 1}] }`);
    const s = schedule(modelOf(lines.join('\n') + '\n'));
    assert.equal(s.criticalPath.length, 5_000);
    assert.equal(s.byRef.get('M4999')!.slack, 364);
  });
});
