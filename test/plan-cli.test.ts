// `strategy plan` and `strategy roadmap --critical-path` as a user runs them. Needs dist/cli.js (npm test builds it).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseMermaid } from './helpers/mermaid';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const LATE = join(__dirname, 'fixtures', 'rules', 'negative-slack', 'basic');

function strategy(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('strategy plan (CLI)', () => {
  it('prints the critical path and slack in German, with the negative-slack summary', () => {
    const r = strategy(['plan', '--root', LATE, '--lang', 'de']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Kritischer Pfad und Puffer\nZiel: Ende des Strategiezeitraums \(2027-12-31\)\./);
    // PLATTFORM → APP (pushed 91 days) → DIENSTE (ends 2028-03-30, 90 days past the horizon).
    assert.match(r.stdout, /1\. PLATTFORM .*\n {2}2\. APP .*\n {2}3\. DIENSTE {2}2028-03-30 {2}\(-90\)/);
    assert.match(r.stdout, /negativen Puffer/);
    assert.doesNotMatch(r.stdout, /ABGESAGT/, 'cancelled measures take no part');
  });

  it('json: the documented shape, with a slip', () => {
    const r = strategy(['plan', '--root', LATE, '--format', 'json', '--slip', 'PLATTFORM=10']);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.criticalPath, ['PLATTFORM', 'APP', 'DIENSTE']);
    const app = json.items.find((i: { ref: string }) => i.ref === 'APP');
    assert.deepEqual(app.planned, { start: '2026-07-01', end: '2027-06-30' });
    assert.deepEqual(app.earliest, { start: '2026-09-30', end: '2027-09-29' });
    assert.equal(app.slack, -90, 'DIENSTE must start by 2027-07-01 to end in the horizon: APP must end by then');
    assert.deepEqual(json.slip.moved.map((m: { ref: string; end: number }) => [m.ref, m.end]), [['PLATTFORM', 10], ['APP', 10], ['APP/beta', 10], ['DIENSTE', 10]]);
  });

  it('markdown in English to a target milestone; bad target and slip are one-line usage errors', () => {
    const r = strategy(['plan', '--root', LATE, '--format', 'markdown', '--lang', 'en', '--target', 'APP/beta']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Critical path and slack/);
    assert.match(r.stdout, /Target: APP\/beta, due 2026-10-31\./);
    assert.match(r.stdout, /\| `APP\/beta` Beta +\| 2026-10-31 +\| 2027-01-30 /);
    const bad = strategy(['plan', '--root', LATE, '--target', 'NOPE', '--lang', 'en']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^strategy: --target: "NOPE" is neither a measure nor a milestone/);
    const slip = strategy(['plan', '--root', LATE, '--slip', 'APP', '--lang', 'en']);
    assert.equal(slip.status, 2);
    assert.match(slip.stderr, /^strategy: --slip: expected MEASURE=DAYS/);
  });

  it('roadmap --critical-path marks the path in the gantt and the dependency view', async () => {
    const gantt = strategy(['roadmap', '--root', LATE, '--as-of', '2026-01-15', '--critical-path', '--lang', 'en']);
    assert.equal(gantt.status, 0, gantt.stderr);
    const critical = gantt.stdout.split('\n').filter((l) => l.includes('critical path'));
    assert.equal(critical.length, 3, gantt.stdout);
    for (const line of critical) assert.match(line, /:crit, /);
    assert.doesNotMatch(strategy(['roadmap', '--root', LATE, '--as-of', '2026-01-15']).stdout, /kritischer Pfad/);
    const deps = strategy(['roadmap', '--root', LATE, '--as-of', '2026-01-15', '--type', 'dependencies', '--critical-path', 'APP/beta']);
    assert.equal(deps.status, 0, deps.stderr);
    assert.match(deps.stdout, /classDef critical /);
    await parseMermaid(gantt.stdout);
    await parseMermaid(deps.stdout);
  });
});
