// Mocha root hooks for every run (.mocharc.json requires this file): build dist/ once when an
// end-to-end file takes part, forbid processes in the unit lane, validate SARIF outputs once.
// Lanes: test/lanes/files.cjs and docs/architecture.md ("Tests").
import childProcess from 'node:child_process';
import { relative } from 'node:path';
import { buildOnce, PROJECT } from './build';
import { validateCollectedSarif } from './sarif';

// The lane list is CommonJS: the mocha configurations read it too.
const { e2eFiles } = require('../lanes/files.cjs') as { e2eFiles: () => string[] };

function testFiles(root: Mocha.Suite): string[] {
  return [...root.suites, ...root.tests].map((x) => x.file).filter((f): f is string => Boolean(f));
}

/** In the unit lane a process start fails the test, naming the lane list to put its file in. */
function forbidProcesses(): void {
  const cp = childProcess as unknown as Record<string, unknown>;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    cp[name] = () => {
      throw new Error(`a unit test started a process (child_process.${name}): import child_process in its file or list it in test/lanes/files.cjs (end-to-end lane)`);
    };
  }
}

export const mochaHooks = {
  beforeAll(this: Mocha.Context): void {
    this.timeout(180_000);
    const files = testFiles(this.test!.parent!).map((f) => relative(PROJECT, f).split('\\').join('/'));
    if (process.env.STRATEGY_TEST_LANE === 'unit') forbidProcesses();
    else if (files.some((f) => e2eFiles().includes(f))) buildOnce();
  },
  afterAll(this: Mocha.Context): void {
    this.timeout(180_000);
    validateCollectedSarif();
  },
};
