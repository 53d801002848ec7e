// Hostile input through the built CLI (end-to-end lane): limits that only a process shows.
// The in-process limits are in test/hostile.test.ts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './helpers/build';
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
});
