// File safety: outputs are written atomically; commands write nothing into the strategy repository
// unless asked to; discovery stays inside the root and survives symlink loops, FIFOs, unreadable
// files and odd names. CLI parts need `node scripts/build.mjs` first (dist/cli.js).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import Module from 'node:module';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, loadWorkspace } from '../cli/load';
import { writeFileAtomic } from '../cli/io';
import { readErrorCode, StrategyWorkspace, unreadableFile } from '../strategy/index';
import { needs } from './helpers/environment';
import { validateSarifTextLater } from './helpers/sarif';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const EXAMPLE = join(PROJECT, 'examples', 'herne');
const AS_OF = '2026-06-01';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

function strategy(args: string[], cwd: string, as: { uid?: number; gid?: number } = {}): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000, ...as });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every entry below `dir` (links not followed): type, and for files size, mode, mtime and SHA-256. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, path));
      if (st.isSymbolicLink()) out.set(path, `link → ${readlinkSync(join(dir, path))}`);
      else if (st.isDirectory()) {
        out.set(path, `dir ${st.mode.toString(8)}`);
        walk(path);
      } else if (st.isFile()) {
        const hash = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
        out.set(path, `file ${st.size} ${st.mode.toString(8)} ${st.mtimeMs} ${hash}`);
      } else out.set(path, `other ${st.mode.toString(8)}`);
    }
  };
  walk('');
  return out;
}

function assertSameTree(before: Map<string, string>, after: Map<string, string>, what: string): void {
  const changes: string[] = [];
  for (const [p, v] of after) if (before.get(p) !== v) changes.push(`${before.has(p) ? 'changed' : 'created'}: ${JSON.stringify(p)}`);
  for (const p of before.keys()) if (!after.has(p)) changes.push(`deleted: ${JSON.stringify(p)}`);
  assert.deepEqual(changes, [], `${what} changed the repository`);
}

function mkfifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

/** Names that file systems allow and tools trip over. */
const ODD_NAMES = [
  'mit leerzeichen.md',
  'ümlaut-Ä-ß.md',
  'e\u0301-nfd.md',
  '#hash.md',
  '100%.md',
  '%41.md',
  'new\nline.md',
  'tab\tname.md',
  '-beginnt-mit-minus.md',
  'quote\'and"double.md',
  'back\\slash.md',
  '[glob]{a,b}*?.md',
  '🚀-emoji.md',
  '\u202Eevil-rtl.md',
  `${'x'.repeat(252)}.md`,
];

describe('file safety', function () {
  this.timeout(600_000);
  let base: string;

  before(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
    base = mkdtempSync(join(tmpdir(), 'strategy-file-safety-'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  describe('atomic writes (cli/io.ts writeFileAtomic)', () => {
    it('writes a temporary file beside the target, then renames it; the target is never written in place', () => {
      const dir = mkdtempSync(join(base, 'atomic-'));
      const target = join(dir, 'report.md');
      writeFileSync(target, 'alt');
      const calls: string[] = [];
      // The module object itself (an `import * as` namespace is read-only); cli/io.ts looks its functions up on it at each call.
      const spied = require('node:fs') as Record<string, (...args: unknown[]) => unknown>;
      const originals = { writeFileSync: spied.writeFileSync, renameSync: spied.renameSync };
      spied.writeFileSync = (...args: unknown[]) => {
        calls.push(`write ${String(args[0])}`);
        // While the new content is being written, readers still see the old file.
        assert.equal(readFileSync(target, 'utf8'), 'alt');
        return originals.writeFileSync(...args);
      };
      spied.renameSync = (...args: unknown[]) => {
        calls.push(`rename ${String(args[0])} → ${String(args[1])}`);
        return originals.renameSync(...args);
      };
      try {
        writeFileAtomic(target, 'neu');
      } finally {
        Object.assign(spied, originals);
      }
      assert.equal(calls.length, 2, calls.join('\n'));
      const tmp = calls[0].slice('write '.length);
      assert.notEqual(tmp, target);
      assert.equal(resolve(tmp, '..'), dir, 'the temporary file must be in the same folder (same file system, so rename is atomic)');
      assert.equal(calls[1], `rename ${tmp} → ${target}`);
      assert.equal(readFileSync(target, 'utf8'), 'neu');
      assert.deepEqual(readdirSync(dir), ['report.md'], 'no temporary file is left behind');
    });

    it('a failed write leaves the old file and no temporary file, and says why in one line', () => {
      const dir = mkdtempSync(join(base, 'atomic-fail-'));
      const target = join(dir, 'ziel');
      mkdirSync(join(target, 'voll'), { recursive: true }); // a non-empty folder cannot be replaced by a file
      assert.throws(
        () => writeFileAtomic(target, 'neu'),
        (e: Error) => /^cannot write .*ziel: E[A-Z]+/.test(e.message) && !e.message.includes('\n'),
      );
      assert.deepEqual(readdirSync(dir), ['ziel']);
      assert.ok(lstatSync(target).isDirectory());
    });

    it('`lint --output` replaces an existing report and leaves no temporary file', () => {
      const out = mkdtempSync(join(base, 'output-'));
      const file = join(out, 'lint.json');
      writeFileSync(file, 'alter Bericht');
      const run = strategy(['lint', '--root', EXAMPLE, '--format', 'json', '--as-of', AS_OF, '--output', file], base);
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).version, 1);
      assert.deepEqual(readdirSync(out), ['lint.json']);
    });
  });

  describe('nothing is written into the strategy repository unless asked', () => {
    let repo: string;
    let outside: string;

    before(() => {
      repo = join(base, 'repo mit Leerzeichen #1 %20');
      outside = join(base, 'outside');
      cpSync(EXAMPLE, repo, { recursive: true });
      mkdirSync(outside);
      writeFileSync(join(outside, 'secret.md'), '---\nid: SECRET\n---\n');
      // Odd names, links (inside, outside, looping, dangling) and a FIFO that would block a reader.
      for (const name of ODD_NAMES.slice(0, 6)) writeFileSync(join(repo, 'measures', name), `---\nid: ODD${ODD_NAMES.indexOf(name)}\ntitle: Seltsamer Name\nstatus: idea\n---\n`);
      symlinkSync(outside, join(repo, 'measures', 'link-out'));
      symlinkSync('..', join(repo, 'measures', 'loop'));
      symlinkSync('dangling-target.md', join(repo, 'measures', 'dangling.md'));
      mkfifo(join(repo, 'measures', 'fifo.md'));
      writeFileSync(join(repo, 'ROADMAP.md'), '# Roadmap\n\n<!-- roadmap:start -->\n<!-- roadmap:end -->\n');
    });

    const commands: string[][] = [
      ['lint'],
      ['lint', '--format', 'json'],
      ['lint', '--format', 'sarif'],
      ['lint', '--format', 'junit'],
      ['lint', '--format', 'github'],
      ['roadmap'],
      ['roadmap', '--type', 'dependencies'],
      ['roadmap', '--type', 'timeline', '--ai-only'],
      ['report'],
      ['report', 'funding', '--lang', 'en'],
      ['report', 'compliance', '--format', 'html'],
      ['export'],
      ['export', '--format', 'csv'],
      ['rules'],
      ['explain', 'funding-missing'],
    ];

    it('lint, roadmap, report, export, rules and explain leave it byte for byte (run inside it, and with --root)', () => {
      const before = snapshot(repo);
      assert.ok([...before.keys()].some((p) => p.startsWith('measures/')));
      for (const args of commands) {
        for (const [cwd, extra] of [[repo, []], [base, ['--root', repo]]] as const) {
          const withRoot = args[0] === 'rules' || args[0] === 'explain' ? args : [...args, ...extra, '--as-of', AS_OF];
          const run = strategy(withRoot, cwd);
          assert.ok(run.status === 0 || run.status === 1, `strategy ${withRoot.join(' ')}: exit ${run.status} ${run.stderr}`);
          assert.doesNotMatch(run.stderr, /^\s+at /m, 'stack trace');
          assertSameTree(before, snapshot(repo), `strategy ${withRoot.join(' ')}`);
        }
      }
    });

    it('--output elsewhere writes only there', () => {
      const before = snapshot(repo);
      const out = mkdtempSync(join(base, 'out-'));
      for (const [args, file] of [
        [['lint', '--format', 'sarif'], 'lint.sarif'],
        [['roadmap'], 'roadmap.mmd'],
        [['report', 'inventory'], 'report.md'],
        [['export', '--format', 'csv'], 'export.csv'],
      ] as const) {
        const run = strategy([...args, '--root', repo, '--as-of', AS_OF, '--output', join(out, file)], base);
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
      }
      assertSameTree(before, snapshot(repo), '--output');
      assert.deepEqual(readdirSync(out).sort(), ['export.csv', 'lint.sarif', 'report.md', 'roadmap.mmd']);
    });

    it('--update changes only the file it names; `new` adds only the new measure', () => {
      const before = snapshot(repo);
      const update = strategy(['roadmap', '--root', repo, '--as-of', AS_OF, '--update', join(repo, 'ROADMAP.md')], base);
      assert.equal(update.status, 0, update.stderr);
      const afterUpdate = snapshot(repo);
      assert.deepEqual([...afterUpdate.keys()].filter((p) => afterUpdate.get(p) !== before.get(p)), ['ROADMAP.md']);
      assert.match(readFileSync(join(repo, 'ROADMAP.md'), 'utf8'), /```mermaid/);

      const created = strategy(['new', 'measure', '--root', repo, '--title', 'Neue Maßnahme'], base);
      assert.equal(created.status, 0, created.stderr);
      const afterNew = snapshot(repo);
      const added = [...afterNew.keys()].filter((p) => !afterUpdate.has(p));
      assert.equal(added.length, 1, `created: ${added.join(', ')}`);
      assert.match(added[0], /^measures\/.*\.md$/);
      assert.deepEqual([...afterUpdate.keys()].filter((p) => afterNew.get(p) !== afterUpdate.get(p)), [], 'new changed an existing file');
    });
  });

  describe('discovery (cli/load.ts listFiles)', () => {
    let root: string;
    let outside: string;
    let fifo = false;

    before(() => {
      root = join(base, 'discovery');
      outside = join(base, 'discovery-outside');
      mkdirSync(join(root, 'measures', 'dir.md'), { recursive: true });
      mkdirSync(join(outside, 'sub'), { recursive: true });
      writeFileSync(join(root, 'strategy.yaml'), 'schema: 1\ntitle: T\norganisation: O\n');
      writeFileSync(join(outside, 'secret.md'), '---\nid: SECRET\ntitle: Geheim\nstatus: idea\n---\n');
      writeFileSync(join(outside, 'sub', 'also-secret.md'), '---\nid: SECRET2\n---\n');
      writeFileSync(join(root, 'measures', 'a.md'), '---\nid: A\ntitle: A\nstatus: idea\n---\n');
      writeFileSync(join(root, 'measures', 'dir.md', 'inner.md'), '---\nid: INNER\ntitle: Innen\nstatus: idea\n---\n');
      ODD_NAMES.forEach((name, i) => writeFileSync(join(root, 'measures', name), `---\nid: ODD${i}\ntitle: Name ${i}\nstatus: idea\n---\n`));
      symlinkSync(outside, join(root, 'measures', 'link-out'));
      symlinkSync(join(outside, 'secret.md'), join(root, 'measures', 'file-out.md'));
      symlinkSync('../measures', join(root, 'measures', 'loop'));
      symlinkSync('.', join(root, 'measures', 'self-dir'));
      symlinkSync('self-loop.md', join(root, 'measures', 'self-loop.md'));
      symlinkSync('ping.md', join(root, 'measures', 'pong.md'));
      symlinkSync('pong.md', join(root, 'measures', 'ping.md'));
      symlinkSync('nowhere.md', join(root, 'measures', 'dangling.md'));
      symlinkSync('a.md', join(root, 'measures', 'inside-link.md'));
      fifo = mkfifo(join(root, 'measures', 'fifo.md'));
    });

    it('lists every regular file inside the root once, with odd names as they are', () => {
      const files = listFiles(root);
      const expected = ['measures/a.md', 'measures/dir.md/inner.md', 'measures/inside-link.md', ...ODD_NAMES.map((n) => `measures/${n}`), 'strategy.yaml'].sort();
      assert.deepEqual(files.filter((f) => !f.startsWith('measures/loop/') && !f.startsWith('measures/self-dir/')), expected);
      assert.equal(new Set(files).size, files.length, 'a file listed twice');
    });

    it('never follows a link out of the root, and survives loops, dangling links and FIFOs', function () {
      const files = listFiles(root);
      assert.ok(!files.some((f) => f.includes('secret') || f.includes('file-out') || f.includes('link-out')), files.join('\n'));
      assert.ok(!files.some((f) => /self-loop|ping|pong|dangling|fifo/.test(f)), files.join('\n'));
      // A link back into the root lists nothing twice: the folder it points to is already listed.
      assert.ok(!files.some((f) => f.startsWith('measures/loop/') || f.startsWith('measures/self-dir/')), files.join('\n'));
      // The FIFO above is part of this test only where one could be made.
      needs(this, fifo, '`mkfifo` could not make a FIFO here');
    });

    it('the CLI lints it (FIFO and loops included) and reports every odd name exactly', () => {
      const run = strategy(['lint', '--root', root, '--format', 'json', '--as-of', AS_OF], base);
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      assert.equal(run.stderr, '');
      const report = JSON.parse(run.stdout) as { summary: { files: number; measures: number }; findings: Array<{ file: string }> };
      assert.equal(report.summary.measures, 3 + ODD_NAMES.length, 'A, INNER, the link to A and one per odd name');
      const named = new Set(report.findings.map((f) => f.file));
      for (const name of ODD_NAMES) assert.ok(named.has(`measures/${name}`), `no finding names ${JSON.stringify(name)}`);
      assert.ok(![...named].some((f) => f.includes('secret')));
    });

    it('SARIF file URIs are percent-encoded and resolve back to the names; GitHub commands stay one per line', () => {
      const sarif = strategy(['lint', '--root', root, '--format', 'sarif', '--as-of', AS_OF], base);
      validateSarifTextLater(sarif.stdout, 'file-safety: SARIF of odd file names');
      const doc = JSON.parse(sarif.stdout) as {
        runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }> }>;
      };
      const run = doc.runs[0];
      const locations = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation);
      for (const { uri } of locations) assert.doesNotMatch(uri, /[\s#?]|%(?![0-9A-F]{2})/, `unencoded character in ${JSON.stringify(uri)}`);
      const names = new Set(locations.map((l) => relative(root, fileURLToPath(new URL(l.uri, run.originalUriBaseIds[l.uriBaseId].uri))).split(sep).join('/')));
      for (const name of ODD_NAMES) assert.ok(names.has(`measures/${name}`), `SARIF lost ${JSON.stringify(name)}`);

      const github = strategy(['lint', '--root', root, '--format', 'github', '--as-of', AS_OF], base);
      const lines = github.stdout.replace(/\n$/, '').split(/\r\n|\r|\n/);
      for (const l of lines) assert.match(l, /^::(error|warning|notice) file=/);
    });

    it('unreadable files and folders are skipped or reported, never a crash', () => {
      // For root, chmod 000 does not stop reading: then the CLI runs as `nobody`, for whom it does.
      const nobody = IS_ROOT ? { uid: 65534, gid: 65534 } : undefined;
      if (nobody) chmodSync(base, 0o755); // mkdtemp makes it 0700: `nobody` must be able to enter it
      const dir = join(base, 'unreadable');
      cpSync(root, dir, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.endsWith('fifo.md') });
      writeFileSync(join(dir, 'measures', 'locked.md'), '---\nid: LOCKED\n---\n');
      mkdirSync(join(dir, 'measures', 'locked-dir'));
      writeFileSync(join(dir, 'measures', 'locked-dir', 'x.md'), '---\nid: X\n---\n');
      chmodSync(join(dir, 'measures', 'locked.md'), 0o000);
      chmodSync(join(dir, 'measures', 'locked-dir'), 0o000);
      try {
        if (!nobody) {
          assert.doesNotThrow(() => listFiles(dir));
          const result = loadWorkspace(dir).lint({ asOf: AS_OF });
          assert.ok(result.model.measureById.has('A'), 'the readable files are still linted');
          const locked = result.findings.filter((f) => f.file === 'measures/locked.md');
          assert.deepEqual(locked.map((f) => [f.rule, f.message.en]), [['yaml-syntax', 'Cannot read file: EACCES']], 'the unreadable file is reported');
        }
        const run = strategy(['lint', '--root', dir, '--format', 'json', '--as-of', AS_OF, '--lang', 'en'], base, nobody);
        assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
        const report = JSON.parse(run.stdout) as { findings: Array<{ file: string; rule: string; message: string }>; summary: { files: number } };
        assert.deepEqual(report.findings.filter((f) => f.file === 'measures/locked.md').map((f) => [f.rule, f.message]), [['yaml-syntax', 'Cannot read file: EACCES']], 'the unreadable file is reported');
        assert.ok(!report.findings.some((f) => f.file.startsWith('measures/locked-dir/')), 'the unreadable folder is skipped');
        assert.ok(report.summary.files > 1, 'the readable files are still linted');
      } finally {
        chmodSync(join(dir, 'measures', 'locked-dir'), 0o755);
      }
    });

    it('a file that cannot be read is reported with its error code, also when the tests run as root', () => {
      // Opening fails for one file (as chmod 000 makes it do for other users than root); the
      // store reads files through openSync (cli/store.ts), other readers through readFileSync.
      const dir = join(base, 'read-error');
      cpSync(root, dir, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.endsWith('fifo.md') });
      writeFileSync(join(dir, 'measures', 'locked.md'), '---\nid: LOCKED\n---\n');
      const spied = require('node:fs') as Record<string, (...args: unknown[]) => unknown>;
      const originals = { openSync: spied.openSync, readFileSync: spied.readFileSync };
      for (const name of ['openSync', 'readFileSync'] as const) {
        spied[name] = (...args: unknown[]) => {
          if (String(args[0]).endsWith(`${sep}locked.md`)) throw Object.assign(new Error(`EACCES: permission denied, open '${String(args[0])}'`), { code: 'EACCES' });
          return originals[name](...args);
        };
      }
      let result;
      try {
        result = loadWorkspace(dir).lint({ asOf: AS_OF, lang: 'de' });
      } finally {
        Object.assign(spied, originals);
      }
      assert.ok(result.model.measureById.has('A'), 'the readable files are still linted');
      assert.ok(!result.model.measureById.has('LOCKED'));
      const locked = result.findings.filter((f) => f.file === 'measures/locked.md');
      assert.deepEqual(
        locked.map((f) => ({ rule: f.rule, de: f.message.de, en: f.message.en, line: f.range.start.line, column: f.range.start.column })),
        [{ rule: 'yaml-syntax', de: 'Datei kann nicht gelesen werden: EACCES', en: 'Cannot read file: EACCES', line: 1, column: 1 }],
      );
    });

    it('the core reports the marker the loader passes for an unreadable file (unreadableFile)', () => {
      const ws = new StrategyWorkspace();
      ws.setFile('strategy.yaml', 'schema: 1\ntitle: T\norganisation: O\n');
      ws.setFile('measures/io.yaml', unreadableFile('EIO'));
      ws.setFile('funding.yaml', unreadableFile(readErrorCode(new Error('no code'))));
      const result = ws.lint({ asOf: AS_OF });
      assert.deepEqual(
        result.findings.filter((f) => f.rule === 'yaml-syntax').map((f) => [f.file, f.message.de, f.message.en, f.range.start.line, f.range.start.column, f.range.end.offset]),
        [
          ['funding.yaml', 'Datei kann nicht gelesen werden: Error', 'Cannot read file: Error', 1, 1, 0],
          ['measures/io.yaml', 'Datei kann nicht gelesen werden: EIO', 'Cannot read file: EIO', 1, 1, 0],
        ],
      );
      // Empty bytes are an empty file, not an unreadable one.
      ws.setFile('measures/io.yaml', new Uint8Array(0));
      assert.ok(!ws.lint({ asOf: AS_OF }).findings.some((f) => f.message.en.startsWith('Cannot read') && f.file === 'measures/io.yaml'));
    });

    it('the VS Code extension reads what the CLI reads, through the same loader and policy (vscode stub)', async () => {
      let scheme = 'file';
      const uri = (path: string) => ({ scheme, authority: '', path, fsPath: path, toString: () => `${scheme}://${path}` });
      class FileSystemError extends Error {
        constructor(readonly code: string) {
          super(code);
        }
      }
      const typeOf = (full: string) => {
        let type = 0;
        try {
          const st = statSync(full);
          type = st.isDirectory() ? 2 : st.isFile() ? 1 : 0;
        } catch {
          /* dangling */
        }
        return lstatSync(full).isSymbolicLink() ? type | 64 : type;
      };
      const reads: string[] = [];
      const stub = new Proxy(
        {
          Uri: { joinPath: (base: { path: string }, ...parts: string[]) => uri(join(base.path, ...parts)), file: uri },
          RelativePattern: class {
            constructor(readonly base: unknown, readonly pattern: string) {}
          },
          EventEmitter: class {
            event = () => ({ dispose() {} });
            fire() {}
            dispose() {}
          },
          FileType: { File: 1, Directory: 2, SymbolicLink: 64 },
          FileSystemError,
          workspace: {
            textDocuments: [],
            getConfiguration: () => ({ get: <T>(_k: string, d?: T) => d }),
            findFiles: async () => [uri(join(root, 'strategy.yaml'))],
            fs: {
              readFile: async (u: { fsPath: string }) => {
                reads.push(u.fsPath);
                return readFileSync(u.fsPath);
              },
              readDirectory: async (u: { fsPath: string }) => readdirSync(u.fsPath).map((name) => [name, typeOf(join(u.fsPath, name))]),
              stat: async (u: { fsPath: string }) => {
                if (!existsSync(u.fsPath)) throw new FileSystemError('FileNotFound');
                return { type: typeOf(u.fsPath), size: statSync(u.fsPath).size };
              },
            },
          },
        } as Record<string, unknown>,
        { get: (t, k) => (k in t ? t[k as string] : class {}) },
      );
      const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
      const original = loader._load;
      loader._load = function (request: string, ...rest: unknown[]) {
        return request === 'vscode' ? stub : original.call(this, request, ...rest);
      };
      // Fresh modules bound to this stub, and forgotten again: other tests load them with their own.
      const forget = () => ['roots', 'settings', 'store'].forEach((m) => delete require.cache[require.resolve(`../extension/${m}`)]);
      forget();
      let StrategyRoots: typeof import('../extension/roots').StrategyRoots;
      try {
        ({ StrategyRoots } = require('../extension/roots') as typeof import('../extension/roots'));
      } finally {
        loader._load = original;
        forget();
      }
      const load = async (s: string) => {
        scheme = s;
        const roots = new StrategyRoots();
        await roots.discover();
        assert.equal(roots.roots.size, 1);
        return [...roots.roots.values()][0];
      };

      // On disk (file:), exactly what the CLI reads: by real path, so a folder link out counts too.
      const cli = loadWorkspace(root).paths().sort();
      const disk = await load('file');
      assert.deepEqual(disk.ws.paths().sort(), cli);
      assert.ok(cli.includes('measures/inside-link.md'));
      // Dangling links and link loops cannot be resolved to a path inside the root either.
      assert.deepEqual([...disk.linkedOut].sort(), ['measures/dangling.md', 'measures/file-out.md', 'measures/ping.md', 'measures/pong.md', 'measures/self-loop.md']);
      assert.ok(!JSON.stringify(disk.result?.findings).includes('SECRET'), 'text from outside in a finding');
      assert.ok(!reads.some((f) => f.startsWith(outside)), `read outside the root: ${reads.filter((f) => f.startsWith(outside)).join(', ')}`);
      // A virtual file system has no real paths: no link is followed, to a file or a folder.
      const virtual = await load('memfs');
      assert.deepEqual(virtual.ws.paths().sort(), cli.filter((p) => p !== 'measures/inside-link.md'));
      assert.deepEqual([...virtual.linkedOut].sort(), ['measures/dangling.md', 'measures/file-out.md', 'measures/inside-link.md', 'measures/ping.md', 'measures/pong.md', 'measures/self-loop.md']);
    });

    // Break 8 of issue 12: a link into .git (remote URLs with tokens, auth headers) was read and quoted.
    it('a link into .git (or node_modules) is not read, though its target is inside the root', () => {
      const dir = join(base, 'git-link');
      mkdirSync(join(dir, '.git'), { recursive: true });
      mkdirSync(join(dir, 'measures'));
      writeFileSync(join(dir, 'strategy.yaml'), 'schema: 1\ntitle: T\norganisation: O\n');
      writeFileSync(join(dir, '.git', 'config'), '[remote "origin"]\n\turl = https://x-access-token:ghs_GEHEIMTOKEN@github.com/o/r\n[http]\n\textraheader = AUTHORIZATION: basic GEHEIM\n');
      symlinkSync('../.git/config', join(dir, 'measures', 'cfg.yaml'));
      symlinkSync('../.git', join(dir, 'measures', 'gitdir'));
      assert.deepEqual(listFiles(dir), ['strategy.yaml']);
      const run = strategy(['lint', '--root', dir, '--format', 'json'], base);
      assert.doesNotMatch(run.stdout + run.stderr, /GEHEIM/);
      assert.deepEqual(loadWorkspace(dir).paths(), ['strategy.yaml']);
    });

    it('strategy.yaml that links out of the root is not read: one line, exit 2', () => {
      const dir = join(base, 'strategy-link');
      mkdirSync(dir);
      symlinkSync(join(outside, 'secret.md'), join(dir, 'strategy.yaml'));
      const run = strategy(['lint', '--root', dir, '--format', 'json'], base);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^strategy: strategy\.yaml ist ein Link auf eine Datei außerhalb des Repositorys \(.*\): nicht gelesen\n$/);
      assert.doesNotMatch(run.stderr, /Geheim|SECRET/);

      // A link to a file inside the repository is fine.
      const inside = join(base, 'strategy-link-inside');
      mkdirSync(join(inside, 'config'), { recursive: true });
      writeFileSync(join(inside, 'config', 'strategy.yaml'), 'schema: 1\ntitle: T\norganisation: O\n');
      symlinkSync('config/strategy.yaml', join(inside, 'strategy.yaml'));
      const ok = strategy(['lint', '--root', inside, '--format', 'json', '--as-of', AS_OF], base);
      assert.equal(ok.status, 0, ok.stderr);
    });
  });

  describe('writes and rewrites stay inside the repository (issue 12, breaks 5, 6, 12)', () => {
    const STRATEGY_YAML = 'schema: 1\ntitle: T\norganisation: O\nlanguage: en\n';
    let dir: string;
    let away: string;
    beforeEach(() => {
      dir = mkdtempSync(join(base, 'repo-'));
      away = mkdtempSync(join(base, 'away-'));
      writeFileSync(join(dir, 'strategy.yaml'), STRATEGY_YAML);
    });
    const nothingAway = () => assert.deepEqual(readdirSync(away), [], 'something was written outside the repository');

    it('roadmap --update reads only a regular file inside the repository: no /dev/zero, FIFO or file outside', function () {
      writeFileSync(join(away, 'secret.md'), '<!-- roadmap:start -->\n<!-- roadmap:end -->\nGEHEIM\n');
      symlinkSync(join(away, 'secret.md'), join(dir, 'OUT.md'));
      symlinkSync('/dev/zero', join(dir, 'ZERO.md'));
      for (const file of ['OUT.md', 'ZERO.md']) {
        const run = strategy(['roadmap', '--root', dir, '--update', file], dir);
        assert.equal(run.status, 2, `${file}: ${run.stderr}`);
        assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      }
      assert.equal(readFileSync(join(away, 'secret.md'), 'utf8'), '<!-- roadmap:start -->\n<!-- roadmap:end -->\nGEHEIM\n');
      const fifo = spawnSync('mkfifo', [join(dir, 'FIFO.md')]);
      needs(this, !fifo.error && fifo.status === 0, 'mkfifo is not available');
      const run = strategy(['roadmap', '--root', dir, '--update', 'FIFO.md'], dir);
      assert.equal(run.status, 2, run.stderr);
    });

    it('--output into a committed folder link that leads out of the repository is refused', () => {
      symlinkSync(away, join(dir, 'reports'));
      const run = strategy(['lint', '--root', dir, '--format', 'json', '--output', join('reports', 'lint.json')], dir);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /not written/);
      nothingAway();
      // A path outside the repository is the user's choice (the command line is trusted).
      const ok = strategy(['lint', '--root', dir, '--format', 'json', '--output', join(away, 'lint.json')], dir);
      assert.notEqual(ok.status, 2, ok.stderr);
      assert.ok(existsSync(join(away, 'lint.json')));
    });

    it('new measure never writes outside: include with .. or an absolute base, a measures link out', () => {
      for (const include of [`../${relative(dir, away).split(sep).pop()}/**/*.md`, `${away}/**/*.md`]) {
        writeFileSync(join(dir, 'strategy.yaml'), `${STRATEGY_YAML}include:\n  - "${include}"\n`);
        const run = strategy(['new', 'measure', '--root', dir, '--title', 'Neu'], dir);
        assert.equal(run.status, 2, `${include}: ${run.stdout} ${run.stderr}`);
        nothingAway();
      }
      writeFileSync(join(dir, 'strategy.yaml'), STRATEGY_YAML);
      symlinkSync(away, join(dir, 'measures'));
      const run = strategy(['new', 'measure', '--root', dir, '--title', 'Neu'], dir);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /not written/);
      nothingAway();
    });

    it('init does not write through an existing folder link', () => {
      const target = mkdtempSync(join(base, 'init-'));
      symlinkSync(away, join(target, 'measures'));
      const run = strategy(['init', target, '--lang', 'en'], base);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /not written \(folder outside, through a link\): measures\//);
      nothingAway();
      assert.ok(existsSync(join(target, 'strategy.yaml')));
    });
  });
});
