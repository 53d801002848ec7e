// code-server and Chromium for the workbench tests (scripts/test-vscode-web.mjs) and the
// editor benchmark (bench/vscode.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { scratch } from './vscode-env.mjs';

const CHROMIUM = process.env.STRATEGY_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Ports are offsets from STRATEGY_VSCODE_PORT_BASE (default 18080), so that several checkouts on one
 * machine can run the workbench tests at the same time without taking each other's port.
 */
export function workbenchPort(offset) {
  const base = Number(process.env.STRATEGY_VSCODE_PORT_BASE ?? 18080);
  return (Number.isInteger(base) && base > 1024 && base < 65000 ? base : 18080) + offset;
}

export async function startCodeServer(cs, port, { extensionsDir, userDataDir }) {
  const tmp = scratch('strategy-cs-');
  const config = join(tmp, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = { ...process.env, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data'), XDG_CACHE_HOME: join(tmp, 'cache') };
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'git.enabled': false }, null, 2),
  );
  const args = [cs.entry, '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--vscode-option', 'enable-smoke-test-driver'];
  const proc = spawn(cs.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 60000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited (${proc.exitCode}):\n${output.slice(-2000)}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { proc, env, output: () => output, stop: () => proc.kill('SIGTERM') };
}

export async function installVsix(cs, vsix, extensionsDir) {
  await new Promise((resolve, reject) => {
    const p = spawn(cs.node, [cs.entry, '--config', '/dev/null', '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'inherit', env: { ...process.env, XDG_CONFIG_HOME: scratch('strategy-cfg-') } });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`--install-extension exited ${code}`))));
  });
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launchPersistentContext(scratch('strategy-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
}

