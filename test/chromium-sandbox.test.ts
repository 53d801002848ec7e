// Break 13 of issue 12: Chromium renders repository content inside its sandbox wherever the
// sandbox can run (every user but root). A wrapper given as STRATEGY_CHROMIUM records the
// arguments the CLI really starts Chromium with; the render must succeed with the sandbox on.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumSandbox } from '../cli/render/browser';
import { needChromium } from './helpers/environment';
import { buildCli, CLI, PROJECT } from './lifecycle-helpers';

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };

/** Renders examples/herne's gantt to SVG as `as` (default: this user) through the recording wrapper. */
function renderRecorded(chromium: string, base: string, as?: { uid: number; gid: number }) {
  const log = join(base, 'chromium-args.txt');
  const wrapper = join(base, 'chromium-wrapper.sh');
  writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\nexec '${chromium}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const repo = join(base, 'herne');
  cpSync(join(PROJECT, 'examples', 'herne'), repo, { recursive: true });
  spawnSync('chmod', ['-R', 'a+rwX', base]);
  const out = join(base, 'roadmap.svg');
  const run = spawnSync(process.execPath, [CLI, 'roadmap', '--root', repo, '--output', out, '--as-of', '2026-06-01'], {
    cwd: base,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, STRATEGY_CHROMIUM: wrapper, HOME: base },
    ...as,
  });
  return { run, args: existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [], svg: existsSync(out) ? readFileSync(out, 'utf8') : '' };
}

describe('Chromium runs sandboxed (issue 12, break 13)', function () {
  this.timeout(180_000);
  let base = '';
  before(() => buildCli());
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'strategy-sandbox-'));
    chmodSync(base, 0o777);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('is on for every user but root', () => {
    assert.equal(chromiumSandbox(1000), true);
    assert.equal(chromiumSandbox(65534), true);
    assert.equal(chromiumSandbox(0), false);
  });

  it('a user who is not root renders with the sandbox on (no --no-sandbox), and the render succeeds', function () {
    const chromium = needChromium(this);
    const { run, args, svg } = renderRecorded(chromium, base, IS_ROOT ? NOBODY : undefined);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(args.some((a) => a.startsWith('--user-data-dir')), `the wrapper recorded Chromium's arguments: ${args.join(' ')}`);
    assert.ok(!args.includes('--no-sandbox'), `started with: ${args.join(' ')}`);
    assert.match(svg, /^<svg/);
  });

  it('root, where Chromium cannot start sandboxed, renders with --no-sandbox', function () {
    const chromium = needChromium(this);
    if (!IS_ROOT) {
      console.log('      (skipped: runs only as root, where Chromium refuses the sandbox)');
      this.skip();
    }
    const { run, args } = renderRecorded(chromium, base);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(args.includes('--no-sandbox'), `started with: ${args.join(' ')}`);
  });
});
