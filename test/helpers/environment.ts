// Tests that need a tool from the machine (Chromium, git, mkfifo, sparse files). Locally a
// missing tool skips the test and says why; in CI (`.ci/run` sets STRATEGY_CI and installs the
// tools) it fails the test, so that CI never skips what it can run.
import { spawnSync } from 'node:child_process';
import { findChromium } from '../../cli/render/browser';

const IN_CI = Boolean(process.env.STRATEGY_CI || process.env.CI);

/** Goes on when `available`; otherwise skips with `why` printed, or fails in CI. */
export function needs(ctx: Mocha.Context, available: boolean, why: string): void {
  if (available) return;
  if (IN_CI) throw new Error(`${why} – CI installs it (.ci/run), so this test must run there`);
  console.log(`      (skipped: ${why})`);
  ctx.skip();
}

/** The Chromium the render code would use, or undefined. */
export function chromiumPath(): string | undefined {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
}

/** The Chromium path, or the test is skipped (locally) or failed (CI) as `needs` does. */
export function needChromium(ctx: Mocha.Context): string {
  const path = chromiumPath();
  needs(ctx, path !== undefined, 'no Chromium found (install `chromium` or set STRATEGY_CHROMIUM)');
  return path!;
}

export function hasCommand(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).error === undefined;
}
