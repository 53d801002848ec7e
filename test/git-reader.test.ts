// The git reader (cli/git/): history is read without the git program, so a repository's git
// configuration (hooks, fsmonitor, filters) never runs, and nothing under `.git` is written.
// Repositories are built with isomorphic-git itself, so these tests need no git program.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import * as git from 'isomorphic-git';
import { commitLog, findRepository, listFilesAt, listTags, readFileAt, resolveCommit } from '../cli/git/repository';
import { sourceRevision } from '../cli/report/git';
import { needs } from './helpers/environment';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const FIXTURE = join(__dirname, 'fixtures', 'report', 'musterstadt');
const AUTHOR = { name: 't', email: 't@example.org', timestamp: 1_767_225_600, timezoneOffset: 0 };

const report = (root: string) => spawnSync(process.execPath, [CLI, 'report', 'inventory', '--root', root, '--as-of', '2026-11-26'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** A loose git object written by hand (zlib of "type size\0body"), as an attacker would commit one. */
function looseObject(gitdir: string, type: string, body: Buffer): string {
  const raw = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
  const id = createHash('sha1').update(raw).digest('hex');
  mkdirSync(join(gitdir, 'objects', id.slice(0, 2)), { recursive: true });
  writeFileSync(join(gitdir, 'objects', id.slice(0, 2), id.slice(2)), deflateSync(raw));
  return id;
}

/** A git repository made in `dir` with the files present, committed once. */
async function commitAll(dir: string, message = 'fixture'): Promise<string> {
  await git.init({ fs, dir, defaultBranch: 'main' });
  await git.add({ fs, dir, filepath: '.' });
  return git.commit({ fs, dir, message, author: AUTHOR });
}

describe('git reader: reading history runs nothing from the repository', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'strategy-git-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a committed folder that looks like a bare repository (core.fsmonitor) is not taken for one and runs nothing', () => {
    // Break 1 of issue 12: `git status` ran in the strategy root, and git took the root itself for
    // a bare repository with this configuration – and ran the fsmonitor command.
    const root = join(dir, 'strategie');
    cpSync(FIXTURE, root, { recursive: true });
    const pwned = join(dir, 'PWNED');
    const blob = looseObject(root, 'blob', Buffer.from('x\n'));
    const tree = looseObject(root, 'tree', Buffer.concat([Buffer.from('100644 strategy.yaml\0'), Buffer.from(blob, 'hex')]));
    const commit = looseObject(root, 'commit', Buffer.from(`tree ${tree}\nauthor t <t@e> 0 +0000\ncommitter t <t@e> 0 +0000\n\nx\n`));
    mkdirSync(join(root, 'refs', 'heads'), { recursive: true });
    writeFileSync(join(root, 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(root, 'refs', 'heads', 'main'), `${commit}\n`);
    writeFileSync(join(root, 'config'), `[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n\tfsmonitor = "touch ${pwned}"\n\thooksPath = .\n`);
    const r = report(root);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!existsSync(pwned), 'the fsmonitor command ran');
    assert.ok(!r.stdout.includes(commit.slice(0, 12)), 'a folder that is not .git names no commit');
    assert.equal(findRepository(root), undefined);
  });

  it('a .git/config with core.fsmonitor (as shipped in an archive) runs nothing, and .git/index stays as it was', async () => {
    cpSync(FIXTURE, dir, { recursive: true });
    const head = await commitAll(dir);
    const pwned = join(dir, 'PWNED');
    const config = join(dir, '.git', 'config');
    writeFileSync(config, `${readFileSync(config, 'utf8')}[core]\n\tfsmonitor = "touch ${pwned}"\n[filter "x"]\n\tclean = touch ${pwned}\n`);
    writeFileSync(join(dir, '.gitattributes'), '* filter=x\n');
    // A file whose time changed but whose content did not: `git status` would refresh the index.
    utimesSync(join(dir, 'strategy.yaml'), new Date(), new Date(Date.now() + 5000));
    const index = join(dir, '.git', 'index');
    const before = { bytes: readFileSync(index), mtime: statSync(index).mtimeMs };
    const r = report(dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!existsSync(pwned), 'a command from .git/config ran');
    assert.ok(r.stdout.includes(`Git-Commit \`${head.slice(0, 12)}\``), r.stdout.slice(0, 400));
    assert.ok(!r.stdout.includes('nicht eingecheckten'), 'same content as committed: not dirty');
    assert.deepEqual(readFileSync(index), before.bytes, '.git/index was rewritten');
    assert.equal(statSync(index).mtimeMs, before.mtime, '.git/index was touched');
  });

  it('says when the files read differ from the commit: changed, new or deleted – not other files', async () => {
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'NOTES.txt'), 'not read by the tool\n');
    const head = await commitAll(dir);
    const files = () => {
      const paths = ['strategy.yaml', 'funding.yaml', 'partners.yaml', ...listMeasures(dir)];
      return { paths, isRead: (p: string) => p.endsWith('.yaml') || p.endsWith('.md'), bytes: (p: string) => readFileSync(join(dir, p)) };
    };
    assert.deepEqual(await sourceRevision(dir, files()), { commit: head, dirty: false });
    writeFileSync(join(dir, 'NOTES.txt'), 'changed, but the tool does not read it\n');
    assert.deepEqual(await sourceRevision(dir, files()), { commit: head, dirty: false });
    const measure = join(dir, listMeasures(dir)[0]);
    const text = readFileSync(measure, 'utf8');
    writeFileSync(measure, `${text}\n`);
    assert.deepEqual(await sourceRevision(dir, files()), { commit: head, dirty: true });
    writeFileSync(measure, text);
    writeFileSync(join(dir, 'measures', 'neu.yaml'), 'id: NEU\n');
    assert.deepEqual(await sourceRevision(dir, files()), { commit: head, dirty: true });
    rmSync(join(dir, 'measures', 'neu.yaml'));
    rmSync(measure);
    assert.deepEqual(await sourceRevision(dir, files()), { commit: head, dirty: true });
    assert.deepEqual(await sourceRevision(dir), { commit: head });
  });

  it('reads files, trees, log, branches and tags (lightweight and annotated) at a commit', async () => {
    mkdirSync(join(dir, 'strategie', 'measures'), { recursive: true });
    writeFileSync(join(dir, 'strategie', 'strategy.yaml'), 'name: A\n');
    writeFileSync(join(dir, 'strategie', 'measures', 'a.yaml'), 'id: A\n');
    const first = await commitAll(dir, 'erste Fassung\n\nmehr');
    await git.tag({ fs, dir, ref: 'v1' });
    writeFileSync(join(dir, 'strategie', 'strategy.yaml'), 'name: B\n');
    await git.add({ fs, dir, filepath: '.' });
    const second = await git.commit({ fs, dir, message: 'zweite', author: { ...AUTHOR, timestamp: AUTHOR.timestamp + 60 } });
    await git.annotatedTag({ fs, dir, ref: 'ratssitzung-2026', message: 'Rat', tagger: AUTHOR });
    const repo = findRepository(join(dir, 'strategie', 'measures'))!;
    assert.ok(repo, 'found by walking up');
    assert.equal(await resolveCommit(repo), second);
    assert.equal(await resolveCommit(repo, 'main'), second);
    assert.equal(await resolveCommit(repo, 'v1'), first);
    assert.equal(await resolveCommit(repo, 'ratssitzung-2026'), second, 'annotated tag peeled to its commit');
    assert.equal(await resolveCommit(repo, 'nope'), undefined);
    assert.equal(Buffer.from((await readFileAt(repo, first, 'strategie/strategy.yaml'))!).toString(), 'name: A\n');
    assert.equal(await readFileAt(repo, first, 'strategie/missing.yaml'), undefined);
    assert.deepEqual((await listFilesAt(repo, first, 'strategie'))!.map((f) => f.path).sort(), ['measures/a.yaml', 'strategy.yaml']);
    assert.equal(await listFilesAt(repo, first, 'nowhere'), undefined);
    const log = await commitLog(repo);
    assert.deepEqual(log.map((c) => [c.oid, c.subject]), [[second, 'zweite'], [first, 'erste Fassung']]);
    assert.equal(log[1].committed, '2026-01-01T00:00:00.000Z');
    assert.deepEqual((await listTags(repo)).sort((a, b) => a.name.localeCompare(b.name)), [{ name: 'ratssitzung-2026', commit: second }, { name: 'v1', commit: first }]);
  });

  it('follows a linked worktree (.git file, commondir) to HEAD and the shared objects', async () => {
    const main = join(dir, 'main');
    mkdirSync(main);
    writeFileSync(join(main, 'strategy.yaml'), 'name: A\n');
    const head = await commitAll(main);
    const wtGit = join(main, '.git', 'worktrees', 'wt');
    mkdirSync(wtGit, { recursive: true });
    writeFileSync(join(wtGit, 'HEAD'), `${head}\n`);
    writeFileSync(join(wtGit, 'commondir'), '../..\n');
    const wt = join(dir, 'wt');
    mkdirSync(wt);
    writeFileSync(join(wt, '.git'), `gitdir: ${wtGit}\n`);
    const repo = findRepository(wt)!;
    assert.equal(await resolveCommit(repo), head);
    assert.equal(Buffer.from((await readFileAt(repo, head, 'strategy.yaml'))!).toString(), 'name: A\n');
  });

  it('does not hang on a FIFO where HEAD should be', function () {
    needs(this, process.platform !== 'win32', 'FIFOs need a POSIX system');
    mkdirSync(join(dir, '.git'));
    const r = spawnSync('mkfifo', [join(dir, '.git', 'HEAD')]);
    needs(this, !r.error && r.status === 0, 'mkfifo is not available');
    return sourceRevision(dir).then((rev) => assert.deepEqual(rev, {}));
  });
});

function listMeasures(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(join(root, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk('measures');
  return out.sort();
}
