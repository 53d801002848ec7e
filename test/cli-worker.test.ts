// `strategy lint` on a large repository runs in a worker thread with a small young generation
// (cli/start.cjs, BENCHMARKS.md "Peak memory"): the command must behave exactly as in one thread –
// the same output in every format, the same exit code, the same messages, the same file written.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CLI, PROJECT } from './helpers/build';

const AS_OF = '2026-06-01';
interface WorkerDecision {
  isLargeLint: (args: string[]) => boolean;
  LARGE_REPOSITORY_FILES: number;
}

/** A repository with the catalogues of the CLI tests' clean fixture and `count` measures, every fifth with findings. */
function repository(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'strategy-worker-'));
  cpSync(join(PROJECT, 'test', 'fixtures', 'cli', 'clean', 'strategy.yaml'), join(root, 'strategy.yaml'));
  for (let i = 0; i < count; i++) {
    const folder = join(root, 'measures', `teil-${i % 7}`);
    mkdirSync(folder, { recursive: true });
    const broken = i % 5 === 0;
    writeFileSync(
      join(folder, `m-${i}.md`),
      `---\nid: M-${i}\nfield: verwaltung\nowner: FB 11\nstatus: ${broken ? 'unknown' : 'planned'}\nstart: 2027-01\nend: ${broken ? '2026-01' : '2028-12'}\n${broken ? 'cost: 150.000\n' : ''}${i > 0 ? `depends_on: [M-${i - 1}]\n` : ''}---\n\n# Vorhaben „${i}“\n`,
    );
  }
  return root;
}

function run(root: string, args: string[], worker: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.STRATEGY_NO_WORKER;
  if (!worker) env.STRATEGY_NO_WORKER = '1';
  const r = spawnSync(process.execPath, [CLI, 'lint', '--root', root, '--as-of', AS_OF, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('strategy lint in a worker thread (large repositories)', function () {
  this.timeout(120_000);
  let large: string;
  let small: string;
  let isLargeLint: WorkerDecision['isLargeLint'];
  let LARGE_REPOSITORY_FILES: number;
  before(() => {
    // dist/ is built by the root hooks before the first test, not before this file is loaded.
    ({ isLargeLint, LARGE_REPOSITORY_FILES } = createRequire(__filename)(CLI) as WorkerDecision);
    large = repository(LARGE_REPOSITORY_FILES);
    small = repository(LARGE_REPOSITORY_FILES - 1);
  });
  after(() => {
    rmSync(large, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
  });

  it('is used for lint from the threshold of measure files on, and only for lint', () => {
    assert.equal(isLargeLint(['lint', '--root', large]), true);
    assert.equal(isLargeLint(['lint', `--root=${large}`, '--format', 'json']), true);
    assert.equal(isLargeLint(['lint', '--root', small]), false);
    assert.equal(isLargeLint(['roadmap', '--root', large]), false);
    assert.equal(isLargeLint(['lint', '--root', join(large, 'measures')]), false, 'no measures/ folder below');
  });

  for (const format of ['json', 'stylish', 'github', 'sarif', 'junit', 'codequality']) {
    it(`gives the same ${format} output, messages and exit code as one thread`, () => {
      const inWorker = run(large, ['--format', format], true);
      const inThread = run(large, ['--format', format], false);
      assert.equal(inWorker.status, 1, inWorker.stderr);
      assert.deepEqual(inWorker, inThread);
      assert.ok(inWorker.stdout.length > 100_000, `the whole output arrives (${inWorker.stdout.length} characters)`);
    });
  }

  it('shows the same --fix-dry-run diff and writes the same fixes with --fix', () => {
    const dry = run(large, ['--fix-dry-run'], true);
    assert.deepEqual(dry, run(large, ['--fix-dry-run'], false));
    assert.match(dry.stdout, /^\+cost: 150000$/m, 'the dry run shows the fix of a German amount');
    const copy = mkdtempSync(join(tmpdir(), 'strategy-worker-fix-'));
    try {
      cpSync(large, join(copy, 'a'), { recursive: true });
      cpSync(large, join(copy, 'b'), { recursive: true });
      const a = run(join(copy, 'a'), ['--fix'], true);
      const b = run(join(copy, 'b'), ['--fix'], false);
      assert.deepEqual({ ...a, stdout: a.stdout.replaceAll(join(copy, 'a'), '') }, { ...b, stdout: b.stdout.replaceAll(join(copy, 'b'), '') });
      const fixed = readFileSync(join(copy, 'a', 'measures', 'teil-0', 'm-0.md'), 'utf8');
      assert.match(fixed, /^cost: 150000$/m);
      assert.equal(fixed, readFileSync(join(copy, 'b', 'measures', 'teil-0', 'm-0.md'), 'utf8'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('writes --output the same way and reports a usage error the same way', () => {
    const a = join(large, 'a.json');
    const b = join(large, 'b.json');
    assert.deepEqual(run(large, ['--format', 'json', '--output', a], true), run(large, ['--format', 'json', '--output', b], false));
    assert.equal(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'));
    const usage = run(large, ['--max-warnings', 'x'], true);
    assert.equal(usage.status, 2);
    assert.deepEqual(usage, run(large, ['--max-warnings', 'x'], false));
  });

  it('reports the worker failing as one line with exit 2, not a stack trace', () => {
    // A bundle that fails as it loads stands in for a worker that dies (out of memory, say).
    const dist = mkdtempSync(join(tmpdir(), 'strategy-worker-dist-'));
    try {
      cpSync(join(PROJECT, 'dist', 'cli.js'), join(dist, 'cli.js'));
      writeFileSync(join(dist, 'strategy.js'), "throw new Error('the worker failed');\n");
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.STRATEGY_NO_WORKER;
      const r = spawnSync(process.execPath, [join(dist, 'cli.js'), 'lint', '--root', large], { encoding: 'utf8', env });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, 'strategy: the worker failed\n');
      assert.equal(r.stdout, '');
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('exits 0 with a clean repository', () => {
    const clean = repository(0);
    try {
      for (let i = 0; i < LARGE_REPOSITORY_FILES; i++) {
        mkdirSync(join(clean, 'measures', 'x'), { recursive: true });
        writeFileSync(join(clean, 'measures', 'x', `m-${i}.md`), `---\nid: C-${i}\nfield: verwaltung\nowner: FB 11\nstatus: planned\nstart: 2027-01\nend: 2028-12\n---\n\n# Vorhaben ${i}\n`);
      }
      const r = run(clean, ['--format', 'json'], true);
      assert.deepEqual(r, run(clean, ['--format', 'json'], false));
      assert.equal(r.status, 0, r.stdout + r.stderr);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });
});
