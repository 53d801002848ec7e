// `strategy diff` against a real git history, built in a scratch folder with the git program (only
// the test builds it; the tool reads it with isomorphic-git). The CLI runs without git on its PATH.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hasCommand, needs } from './helpers/environment';
import { parseMermaid } from './helpers/mermaid';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const FIXTURES = join(__dirname, 'fixtures', 'diff');

function git(cwd: string, args: string[], date = '2026-03-10T10:00:00Z') {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** The CLI with an empty PATH: it cannot start the git program even if it tried. */
function strategy(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: PROJECT, encoding: 'utf8', env: { PATH: '', NO_COLOR: '1', HOME: tmpdir() } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('strategy diff (git history)', function () {
  let tmp: string;
  let repo: string;
  let first: string;
  before(function () {
    needs(this, hasCommand('git'), 'git is not installed (the test builds its history with it)');
    tmp = mkdtempSync(join(tmpdir(), 'diff-'));
    repo = join(tmp, 'repo');
    // The strategy lives in a subfolder of the repository, as in a city's larger repository.
    const root = join(repo, 'strategie');
    cpSync(join(FIXTURES, 'rat-2026-03'), root, { recursive: true });
    git(repo, ['init', '-q']);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'Stand der Ratssitzung im März']);
    git(repo, ['tag', '-a', 'rat-2026-03', '-m', 'Ratssitzung März']);
    first = git(repo, ['rev-parse', 'HEAD']);
    // Unrelated commits in between, then the changes.
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(repo, `notiz-${i}.txt`), `${i}\n`);
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-qm', `Notiz ${i}`], `2026-0${4 + i}-01T10:00:00Z`);
    }
    rmSync(join(root, 'measures'), { recursive: true });
    cpSync(join(FIXTURES, 'now'), root, { recursive: true });
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'Fortschreibung'], '2026-09-01T10:00:00Z');
    git(repo, ['tag', 'rat-2026-09']);
  });
  after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  const root = () => join(repo, 'strategie');

  it('json: every kind of change per measure, against an annotated tag', () => {
    const r = strategy(['diff', '--root', root(), '--since', 'rat-2026-03', '--as-of', '2026-11-26', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const d = JSON.parse(r.stdout);
    assert.equal(d.version, 1);
    assert.deepEqual(d.since, { ref: 'rat-2026-03', commit: first, asOf: '2026-03-10' });
    assert.deepEqual(d.until, { ref: 'working tree', commit: null, asOf: '2026-11-26' });
    const byId = Object.fromEntries(d.measures.map((m: { id: string }) => [m.id, m]));
    assert.deepEqual(Object.keys(byId).sort(), ['ALT', 'KI-BOT', 'NEU', 'PORTAL', 'RZ-BOCHUM']);
    assert.equal(byId.NEU.change, 'added');
    assert.equal(byId.ALT.change, 'removed');
    assert.equal(byId['RZ-BOCHUM'].change, 'renamed');
    assert.equal(byId['RZ-BOCHUM'].renamedFrom, 'RZ');
    const portal = byId.PORTAL;
    assert.deepEqual(portal.status, { from: 'planned', to: 'active' });
    // 2026-12 → 2027-03: 31 Dec → 31 Mar = 90 days later (slipped).
    assert.deepEqual(portal.end, { from: '2026-12', to: '2027-03', days: 90 });
    assert.equal(portal.start, undefined);
    const live = portal.milestones.find((m: { id: string }) => m.id === 'live');
    assert.deepEqual(live.date, { from: '2026-11', to: '2027-02', days: 90 });
    assert.equal(portal.milestones.find((m: { id: string }) => m.id === 'beta').doneSince, true);
    assert.deepEqual(portal.funding, [{ source: 'efre', change: 'changed', status: { from: 'applied', to: 'granted' }, amount: { from: 100000, to: 120000 } }]);
    const bot = byId['KI-BOT'];
    assert.deepEqual(bot.aiRisk, { from: 'limited', to: 'high' });
    assert.deepEqual(bot.dpia, { from: 'in-progress', to: 'done' });
    assert.deepEqual(bot.fria, { to: 'in-progress' });
    assert.deepEqual(bot.registration, { to: 'pending' });
    assert.ok(bot.resolvedFindings.some((f: { rule: string }) => f.rule === 'dpia-missing'));
    assert.ok(bot.newFindings.some((f: { rule: string }) => f.rule === 'ai-fria-missing'));
    assert.equal(d.summary.slipped, 1);
    assert.equal(d.summary.milestonesDone, 1);
  });

  it('a date means the last commit before that day; --until compares two commits; an abbreviated id works', () => {
    const byDate = JSON.parse(strategy(['diff', '--root', root(), '--since', '2026-04-15', '--until', 'rat-2026-09', '--format', 'json']).stdout);
    // 2026-04-01 (Notiz 0) is the last commit before 15 April: the strategy files are those of March.
    assert.equal(byDate.since.asOf, '2026-04-01');
    assert.equal(byDate.until.asOf, '2026-09-01');
    assert.equal(byDate.measures.length, 5);
    const same = JSON.parse(strategy(['diff', '--root', root(), '--since', first.slice(0, 8), '--until', '2026-08-01', '--format', 'json']).stdout);
    assert.equal(same.measures.length, 0, 'no strategy file changed between March and August');
  });

  it('stylish and Markdown in German and English', () => {
    const de = strategy(['diff', '--root', root(), '--since', 'rat-2026-03', '--as-of', '2026-11-26']);
    assert.equal(de.status, 0, de.stderr);
    assert.match(de.stdout, /^Änderungen seit rat-2026-03\n/);
    assert.match(de.stdout, /\* PORTAL {2}Serviceportal/);
    assert.match(de.stdout, /Ende: Dezember 2026 → März 2027 \(90 Tage später\)/);
    assert.match(de.stdout, /Förderung EFRE NRW: beantragt → bewilligt; Betrag 100\.000\s€ → 120\.000\s€/);
    assert.match(de.stdout, /~ RZ-BOCHUM .*\n {4}umbenannt \(vorher RZ\)/);
    const en = strategy(['diff', '--root', root(), '--since', 'rat-2026-03', '--as-of', '2026-11-26', '--format', 'markdown', '--lang', 'en']);
    assert.match(en.stdout, /^# Changes since rat-2026-03\n/);
    assert.match(en.stdout, /## Serviceportal \(`PORTAL`\)\n\n- Status: planned → in operation/);
    assert.match(en.stdout, /- Milestone "Go-live": November 2026 → February 2027 \(90 days later\)/);
    assert.match(en.stdout, /- AI risk class: limited → high/);
  });

  it('report council --since adds „Änderungen seit der letzten Sitzung“; an inquiry can ask for it', () => {
    const report = strategy(['report', 'council', '--root', root(), '--since', 'rat-2026-03', '--as-of', '2026-11-26']);
    assert.equal(report.status, 0, report.stderr);
    const section = report.stdout.slice(report.stdout.indexOf('## Änderungen seit der letzten Sitzung'));
    assert.ok(section.length < report.stdout.length, 'the section is there');
    assert.match(section, /Verglichen wird der Stand rat-2026-03 \(10\.03\.2026\)/);
    assert.match(section, /### Serviceportal \(`PORTAL`\)\n\n- Status: geplant → in Betrieb\n- Ende: Dezember 2026 → März 2027 \(90 Tage später\)/);
    assert.doesNotMatch(strategy(['report', 'council', '--root', root(), '--as-of', '2026-11-26']).stdout, /Änderungen seit der letzten Sitzung/);
    // An inquiry that asks for the changes gets them as the answer to its question, not twice.
    const inquiry = join(root(), 'inquiries', 'anfrage.yaml');
    cpSync(join(FIXTURES, 'anfrage.yaml'), inquiry);
    try {
      const asked = strategy(['report', 'council', '--root', root(), '--inquiry', inquiry, '--since', 'rat-2026-03', '--as-of', '2026-11-26', '--lang', 'en']);
      assert.equal(asked.status, 0, asked.stderr);
      assert.match(asked.stdout, /## Question 1: Changes since the last report\n\n> Was hat sich seit der Sitzung im März geändert\?\n\nCompares the state at rat-2026-03/);
      assert.doesNotMatch(asked.stdout, /## Changes since the last session/);
      const unasked = strategy(['report', 'council', '--root', root(), '--inquiry', inquiry, '--as-of', '2026-11-26', '--lang', 'en']);
      assert.match(unasked.stdout, /No earlier state to compare with is given for this document, so the changes cannot be shown here\./);
      assert.equal(strategy(['report', 'funding', '--root', root(), '--since', 'rat-2026-03']).status, 2);
    } finally {
      rmSync(inquiry);
    }
  });

  it('roadmap --baseline draws the earlier bar under each measure whose dates moved', async () => {
    const r = strategy(['roadmap', '--root', root(), '--baseline', 'rat-2026-03', '--as-of', '2026-11-26', '--lang', 'en']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const now = lines.findIndex((l) => /:crit, active, m\d+, 2026-01-01, 2027-03-31$/.test(l));
    assert.ok(now > 0, r.stdout);
    // PORTAL's end moved from 2026-12 to 2027-03: the plan of March, grey, right under it.
    assert.match(lines[now + 1], /#40;plan rat-2026-03#41; :done, m\d+_b, 2026-01-01, 2026-12-31$/);
    assert.equal(lines.filter((l) => l.includes('_b,')).length, 1, 'only measures whose dates moved get a baseline bar');
    await parseMermaid(r.stdout);
    const deps = strategy(['roadmap', '--root', root(), '--baseline', 'rat-2026-03', '--type', 'dependencies']);
    assert.equal(deps.status, 2);
    assert.match(deps.stderr, /^strategy: --baseline: nur das Gantt-Diagramm/);
  });

  it('clear one-line errors: unknown reference, shallow clone, no repository', () => {
    const unknown = strategy(['diff', '--root', root(), '--since', 'rat-1999', '--lang', 'en']);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'strategy: "rat-1999" is neither a tag, a branch, a commit nor a date (YYYY-MM-DD) in this repository\n');
    const shallow = join(tmp, 'shallow');
    git(tmp, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const cut = strategy(['diff', '--root', join(shallow, 'strategie'), '--since', 'rat-2026-03', '--lang', 'de']);
    assert.equal(cut.status, 2);
    assert.match(cut.stderr, /^strategy: „rat-2026-03“ ist in diesem Klon nicht vorhanden: er ist flach \(shallow\).*fetch-depth: 0/);
    const loose = join(tmp, 'loose');
    cpSync(join(FIXTURES, 'now'), loose, { recursive: true });
    const none = strategy(['diff', '--root', loose, '--since', 'HEAD', '--lang', 'en']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /is not inside a git repository: --since needs its history\n$/);
  });
});
