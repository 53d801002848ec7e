// What `npm start` shows: the snapshot of examples/herne-history turned into a git history (by
// scripts/herne-history.mjs, with isomorphic-git) and `strategy diff --since rat-2026-09` on it.
// Every row of examples/herne-history/README.md is checked here.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');

describe('examples/herne-history (npm start: changes since the council session)', () => {
  let tmp: string;
  let root: string;
  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'herne-history-'));
    const { buildHerneHistory } = await import('../scripts/herne-history.mjs');
    const built = await buildHerneHistory(join(tmp, 'herne'), { example: join(PROJECT, 'examples/herne'), snapshot: join(PROJECT, 'examples/herne-history/rat-2026-09') });
    root = built.root;
    assert.equal(built.tag, 'rat-2026-09');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists the changes the README names', () => {
    const r = spawnSync(process.execPath, [CLI, 'diff', '--root', root, '--since', 'rat-2026-09', '--as-of', '2026-11-26', '--format', 'json'], { encoding: 'utf8', env: { PATH: '' } });
    assert.equal(r.status, 0, r.stderr);
    const d = JSON.parse(r.stdout);
    assert.equal(d.since.asOf, '2026-09-24');
    // Exactly these measures: the README's rows, VW-EAKTE (overdue since) and KI-VERKEHR (its findings follow ST-SENSORIK).
    assert.deepEqual(d.measures.map((x: { id: string }) => x.id).sort(), ['IN-GIGABIT', 'KI-PROTOKOLL', 'KI-TELEFON', 'KI-UEBERSETZUNG', 'KI-VERKEHR', 'KI-WOHNGELD', 'MO-PARKEN', 'ST-SENSORIK', 'VW-EAKTE', 'WI-GRUENDUNG']);
    const m = Object.fromEntries(d.measures.map((x: { id: string }) => [x.id, x]));
    assert.deepEqual(m['KI-WOHNGELD'].status, { from: 'planned', to: 'pilot' });
    assert.deepEqual(m['KI-WOHNGELD'].fria, { from: 'required', to: 'in-progress' });
    assert.equal(m['KI-WOHNGELD'].milestones.find((x: { id: string }) => x.id === 'pilotstart').doneSince, true);
    assert.deepEqual(m['ST-SENSORIK'].milestones[0].date, { from: '2027-03-31', to: '2027-06-30', days: 91 });
    assert.deepEqual(m['WI-GRUENDUNG'].funding[0], { source: 'efre-nrw', change: 'changed', status: { from: 'planned', to: 'applied' }, amount: { from: 800000, to: 900000 } });
    assert.equal(m['IN-GIGABIT'].milestones[0].doneSince, true);
    assert.deepEqual(m['KI-UEBERSETZUNG'].aiRisk, { from: 'minimal', to: 'limited' });
    assert.equal(m['MO-PARKEN'].change, 'renamed');
    assert.equal(m['MO-PARKEN'].renamedFrom, 'MO-PARKRAUM');
    assert.equal(m['KI-PROTOKOLL'].change, 'removed');
    assert.equal(m['KI-TELEFON'].change, 'added');
    assert.equal(m['VW-EAKTE'].milestones.find((x: { id: string }) => x.id === 'bauordnung').overdueSince, true);
    // The slipped milestone moves KI-VERKEHR's findings: the same rules, new messages.
    assert.deepEqual(m['KI-VERKEHR'].changedFindings.map((c: { now: { rule: string } }) => c.now.rule).sort(), ['negative-slack', 'negative-slack', 'schedule-conflict']);
    assert.equal(d.summary.milestonesDone, 2);
    assert.equal(d.summary.milestonesOverdue, 1);
  });
});
