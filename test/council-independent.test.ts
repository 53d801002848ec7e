// The council report on a repository and an inquiry that are not the example's (issue 13: "It will
// be checked with an independent repository and a different inquiry"): a parliamentary group asks
// for the register of algorithmic systems, oversight, funding results and the changes since the
// last meeting. Read as a council member reads it: counts add up, the register answer fits a page
// and names no files, a cancelled system owes nothing, "changes since" is answered from the state
// the inquiry names – and without one the document says so in plain words (no command-line flags).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Table } from 'mdast';
import { hasCommand, needs } from './helpers/environment';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const FIXTURE = join(__dirname, 'fixtures', 'report', 'kleinwald');
const INQUIRY = 'inquiries/2026-11-20-gruene-algorithmen.yaml';
const KFZ = 'measures/verwaltung/ki-kfz.md';
const AS_OF = '2026-12-06';

function git(cwd: string, args: string[], date: string) {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  assert.equal(r.status, 0, r.stderr);
}

/** The CLI with an empty PATH (it reads git itself) from inside the repository. */
function strategy(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: '', NO_COLOR: '1', HOME: tmpdir() } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const parse = (md: string): Root => unified().use(remarkParse).use(remarkGfm).parse(md);

/** The nodes from the heading whose text starts with `start` up to the next heading of the same depth. */
function section(tree: Root, start: string): RootContent[] {
  const i = tree.children.findIndex((n) => n.type === 'heading' && toString(n).startsWith(start));
  assert.ok(i >= 0, `no heading "${start}" in ${tree.children.filter((n) => n.type === 'heading').map((n) => toString(n)).join(' | ')}`);
  const depth = (tree.children[i] as { depth: number }).depth;
  const end = tree.children.findIndex((n, j) => j > i && n.type === 'heading' && n.depth <= depth);
  return tree.children.slice(i, end < 0 ? undefined : end);
}

/** The body a council member reads: everything before the first appendix. */
function body(tree: Root): RootContent[] {
  const end = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && /^(Anlage|Appendix) \d/.test(toString(n)));
  return tree.children.slice(0, end);
}

const rows = (t: Table) => t.children.map((r) => r.children.map((c) => toString(c)));

describe('council report: an independent repository and a different inquiry', function () {
  this.timeout(120_000);
  let tmp: string;
  let repo: string;

  before(function () {
    needs(this, hasCommand('git'), 'git is not installed (the test builds the history with it)');
    tmp = mkdtempSync(join(tmpdir(), 'council-independent-'));
    repo = join(tmp, 'kleinwald');
    cpSync(FIXTURE, repo, { recursive: true });
    // November: the text recognition is a pilot; December: it is in service.
    git(repo, ['init', '-q'], '2026-11-01T10:00:00Z');
    git(repo, ['add', '-A'], '2026-11-01T10:00:00Z');
    git(repo, ['commit', '-qm', 'Stand November'], '2026-11-01T10:00:00Z');
    writeFileSync(join(repo, KFZ), readFileSync(join(repo, KFZ), 'utf8').replace('status: pilot', 'status: active'));
    git(repo, ['commit', '-qam', 'Belegprüfung in Betrieb'], '2026-12-02T10:00:00Z');
  });
  after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it('without a state to compare with, the changes question is unanswered in plain words and the administration is told why', () => {
    const r = strategy(repo, ['report', 'council', '--inquiry', INQUIRY, '--as-of', AS_OF]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /Frage 4 fragt nach den Änderungen seit einem früheren Stand: ohne --since oder „since“ in der Anfrage-Datei/);
    const tree = parse(r.stdout);
    const q4 = section(tree, 'Frage 4').map((n) => toString(n)).join('\n');
    assert.match(q4, /kein früherer Stand angegeben/);
    assert.doesNotMatch(toString({ type: 'root', children: body(tree) }), /--\w/, 'no command-line option in the body');
  });

  it('a title of only spaces or invisible characters is no title: lint says so at the value, no report (exit 1)', () => {
    // Found by test/property-cli.test.ts: a title of U+0085 gave a report with a blank title and exit 0.
    for (const title of ['\u0085', '\u200b\u200b', '   ', '\u2028', '\u00ad']) {
      const dir = mkdtempSync(join(tmpdir(), 'council-blank-title-'));
      try {
        writeFileSync(join(dir, 'strategy.yaml'), `schema: 1\ntitle: ${JSON.stringify(title)}\norganisation: Stadt Kleinwald\nfields: []\n`);
        const lint = strategy(dir, ['lint', '--as-of', AS_OF]);
        assert.equal(lint.status, 1, `lint of title ${JSON.stringify(title)}: ${lint.stdout}`);
        assert.match(lint.stdout, /2:8 +Fehler +„title“ darf nicht leer sein/);
        const report = strategy(dir, ['report', 'council', '--as-of', AS_OF]);
        assert.equal(report.status, 1, `report with title ${JSON.stringify(title)}: ${report.stdout.slice(0, 200)}`);
        assert.equal(report.stdout, '');
        assert.match(report.stderr, /strategy\.yaml:2:8: „title“ darf nicht leer sein\nstrategy: kein Bericht/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  describe('with the state named in the inquiry file', () => {
    let tree: Root;
    let md: string;
    before(() => {
      appendFileSync(join(repo, INQUIRY), 'since: 2026-11-15\n');
      const r = strategy(repo, ['report', 'council', '--inquiry', INQUIRY, '--as-of', AS_OF]);
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /Frage 4/);
      md = r.stdout;
      tree = parse(md);
    });

    it('answers "changes since" from that state', () => {
      const q4 = section(tree, 'Frage 4').map((n) => toString(n)).join('\n');
      assert.match(q4, /Automatische Belegprüfung in der Kfz-Zulassung/);
      assert.match(q4, /Pilot → in Betrieb/);
    });

    it('the counts at a glance add up, the cancelled system included', () => {
      const line = md.split('\n').find((l) => l.startsWith('- KI-Anwendungen:'));
      assert.ok(line, 'a line on the AI applications');
      const [total, ...parts] = (line.match(/\d+/g) ?? []).map(Number);
      assert.equal(parts.length, 3, line);
      assert.equal(parts.reduce((a, b) => a + b, 0), total, line);
      assert.match(line, /1 abgeschlossen, pausiert oder eingestellt/);
    });

    it('the register question gets a table that fits a page, without file paths, and points to the details', () => {
      const q1 = section(tree, 'Frage 1');
      const tables = q1.filter((n): n is Table => n.type === 'table');
      assert.equal(tables.length, 1);
      const [head, ...data] = rows(tables[0]);
      assert.ok(head.length <= 6, `at most six columns, got ${head.length}: ${head.join(' | ')}`);
      assert.deepEqual(data.map((r) => r[2]), ['in Betrieb', 'Idee', 'eingestellt']);
      assert.match(q1.map((n) => toString(n)).join('\n'), /Anlage „KI-Register: Angaben je KI-Anwendung“/);
      const text = toString({ type: 'root', children: body(tree) });
      assert.doesNotMatch(text, /measures\/|\.md\b|\.ya?ml\b/, 'no file paths in the body');
    });

    it('the register appendix has one two-column table per AI application, "nicht angegeben" for what is not recorded', () => {
      const appendix = section(tree, 'Anlage 3: KI-Register: Angaben je KI-Anwendung');
      const titles = appendix.filter((n) => n.type === 'heading' && n.depth === 3).map((n) => toString(n));
      assert.deepEqual(titles, ['Automatische Belegprüfung in der Kfz-Zulassung', 'KI-Assistent im Serviceportal', 'Prognosemodell für Hilfebedarfe in der Jugendhilfe']);
      for (const t of appendix.filter((n): n is Table => n.type === 'table')) {
        const r = rows(t);
        assert.ok(r.every((cells) => cells.length === 2));
        assert.ok(!r.some(([label]) => label === 'Datei'), 'no file row');
        assert.ok(!r.some(([, value]) => value === '—'), `a dash reads like "no": ${r.filter(([, v]) => v === '—').map(([l]) => l).join(', ')}`);
      }
      const kfz = rows(appendix.filter((n): n is Table => n.type === 'table')[0]);
      assert.deepEqual(kfz.find(([l]) => l === 'DSB beteiligt'), ['DSB beteiligt', 'nicht angegeben']);
      // The list of appendices names it with the same number.
      assert.match(md, /- Anlage 3: KI-Register: Angaben je KI-Anwendung/);
    });

    it('a cancelled high-risk system owes no assessment: "entfällt (eingestellt)", never "fehlt"', () => {
      const q2 = section(tree, 'Frage 2');
      const row = q2.filter((n): n is Table => n.type === 'table').flatMap(rows).find((r) => r[0].includes('KI-JUGENDHILFE-PROGNOSE'));
      assert.ok(row);
      assert.ok(!row.includes('fehlt'), row.join(' | '));
      assert.ok(row.includes('entfällt (eingestellt)'), row.join(' | '));
    });

    it('in English too', () => {
      const r = strategy(repo, ['report', 'council', '--inquiry', INQUIRY, '--as-of', AS_OF, '--lang', 'en']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /AI applications: 3, of which 1 in use or in trial, 1 planned and 1 completed, paused or cancelled/);
      assert.match(r.stdout, /n\/a \(cancelled\)/);
      assert.match(r.stdout, /## Appendix 3: AI register: details of each AI application/);
      assert.match(r.stdout, /Status: pilot → in operation/);
      assert.match(r.stdout, /in operation since 1 June 2025/);
    });
  });
});
