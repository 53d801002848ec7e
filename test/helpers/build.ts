// dist/ for the tests that run the built CLI: built once per test process, before the first test
// (test/helpers/root-hooks.ts), so that no test runs a stale or missing bundle.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT = resolve(__dirname, '..', '..');
export const CLI = join(PROJECT, 'dist', 'cli.js');

let built = false;

/** Runs scripts/build.mjs once per process; later calls return at once. */
export function buildOnce(): void {
  if (built) return;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: PROJECT, encoding: 'utf8' });
  // The build bundles the CLI first, then the extension; the CLI tests need only the CLI.
  const cliFresh = statSync(CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  assert.ok(r.status === 0 || cliFresh >= started - 2000, `build failed: ${r.stdout}${r.stderr}`);
  built = true;
}
