// Hostile input through the built CLI (end-to-end lane): limits that only a process shows.
// The in-process limits are in test/hostile.test.ts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './helpers/build';
import { MAX_RELATED } from '../strategy/rules/structure/dependency-cycle';

const STRATEGY = 'schema: 1\ntitle: Digitalstrategie Teststadt\norganisation: Stadt Teststadt\nfields:\n  - { id: verwaltung, title: Verwaltung }\n';
const ring = (n: number) => {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`measures/r${i}.yaml`] = `id: R-${i}\ntitle: Ring ${i}\nstatus: planned\nfield: verwaltung\ndepends_on: [R-${(i + 1) % n}]\n`;
  return files;
};
import { needs } from './helpers/environment';

const AS_OF = '2026-06-01';

describe('hostile input through the CLI', function () {
  this.timeout(120_000);

  it('the CLI reports files far above the limit without reading them (sparse 5 GiB files)', function () {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-hostile-'));
    try {
      mkdirSync(join(dir, 'measures'));
      writeFileSync(join(dir, 'strategy.yaml'), '');
      writeFileSync(join(dir, 'measures', 'huge.md'), '');
      let sparse = true;
      try {
        truncateSync(join(dir, 'strategy.yaml'), 5 * 1024 ** 3);
        truncateSync(join(dir, 'measures', 'huge.md'), 5 * 1024 ** 3);
      } catch {
        sparse = false;
      }
      needs(this, sparse, 'this file system cannot hold sparse 5 GiB files');
      // Reading 5 GiB would fail (Node reads at most 2 GiB at once) or exhaust memory.
      const run = spawnSync(process.execPath, [CLI, 'lint', '--root', dir, '--format', 'json', '--as-of', AS_OF], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, '');
      const findings = (JSON.parse(run.stdout) as { findings: Array<{ file: string; line: number; rule: string; message: string }> }).findings;
      assert.deepEqual(
        findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`),
        ['measures/huge.md:1 yaml-syntax Datei ist zu groß (5368709120 Bytes, Grenze 2097152): nicht ausgewertet', 'strategy.yaml:1 yaml-syntax Datei ist zu groß (5368709120 Bytes, Grenze 2097152): nicht ausgewertet'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Break 3 of issue 12 through the CLI: the SARIF of a large cycle (see test/hostile.test.ts).
  it('SARIF of a 5,000-measure cycle: one result for the cycle, with few related locations', function () {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-ring-'));
    try {
      writeFileSync(join(dir, 'strategy.yaml'), STRATEGY);
      mkdirSync(join(dir, 'measures'));
      for (const [p, c] of Object.entries(ring(5_000))) writeFileSync(join(dir, p), c);
      const r = spawnSync(process.execPath, [CLI, 'lint', '--root', dir, '--format', 'sarif', '--as-of', AS_OF], { encoding: 'utf8', maxBuffer: 1 << 30 });
      assert.equal(r.status, 1, r.stderr);
      const results = (JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: unknown[] }> }> }).runs[0].results.filter((x) => x.ruleId === 'dependency-cycle');
      assert.equal(results.length, 1);
      assert.ok((results[0].relatedLocations ?? []).length <= MAX_RELATED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Break 4 of issue 12: the `measure` field of every lint format carried the whole id.
  it('a 1.5 MB measure id is shortened in every lint format', function () {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-longid-'));
    try {
      const id = 'A'.repeat(1_500_000);
      writeFileSync(join(dir, 'strategy.yaml'), STRATEGY);
      mkdirSync(join(dir, 'measures'));
      writeFileSync(join(dir, 'measures', 'a.yaml'), `id: ${id}\ntitle: T\nstatus: planned\nfield: verwaltung\ndepends_on: [${id}]\n`);
      writeFileSync(join(dir, 'measures', 'b.yaml'), `id: ${id}\ntitle: T2\nstatus: planned\nfield: verwaltung\n`);
      for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
        const r = spawnSync(process.execPath, [CLI, 'lint', '--root', dir, '--format', format, '--as-of', AS_OF], { encoding: 'utf8', maxBuffer: 1 << 30 });
        assert.equal(r.status, 1, r.stderr);
        assert.ok(r.stdout.includes('AAAA'), `${format}: the id is shown`);
        assert.ok(r.stdout.length < 100_000, `${format}: ${r.stdout.length} characters`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
