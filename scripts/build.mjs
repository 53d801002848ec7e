// Build: JSON Schemas and their validators, then esbuild bundles for the CLI (and the extension, when present).
import { build } from 'esbuild';
import { existsSync, chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { yamlBrowserBuild } from './yaml-browser-build.mjs';

// The JSON Schemas from their description and the TypeScript enums (one source), then their validators.
execFileSync(process.execPath, [new URL('./gen-schemas.mjs', import.meta.url).pathname], { stdio: 'inherit' });
execFileSync(process.execPath, [new URL('./build-schema.mjs', import.meta.url).pathname], { stdio: 'inherit' });

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', legalComments: 'none', minifySyntax: true, plugins: [yamlBrowserBuild] };
// `strategy lint` runs on every push and keystroke-near in CI: dist/cli.js holds only the
// program and lint. Every other command is its own bundle (dist/commands/<name>.js), loaded on
// demand, so that lint's start-up does not compile report, diagram, docx or Markdown code.
const otherCommands = readdirSync('cli/commands').filter((f) => f.endsWith('.ts') && f !== 'lint.ts').map((f) => f.slice(0, -3));
const commandsOnDemand = {
  name: 'commands-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[\w-]+$/ }, (a) => (a.importer.endsWith('main.ts') && otherCommands.includes(a.path.slice('./commands/'.length)) ? { path: `${a.path}.js`, external: true } : undefined));
  },
};
// The Markdown parser (remark) is its own bundle, dist/markdown.js, which dist/cli.js requires on
// first use (cli/markdown-on-demand.ts stands in for strategy/parse/remark.ts): lint reads a plain
// `# Title` without it, and start-up does not compile it.
const markdownOnDemand = {
  name: 'markdown-on-demand',
  setup(b) {
    b.onResolve({ filter: /\/remark$/ }, (a) => (a.importer.endsWith('strategy/parse/markdown.ts') ? { path: new URL('../cli/markdown-on-demand.ts', import.meta.url).pathname } : undefined));
    b.onResolve({ filter: /^\.\/markdown\.js$/ }, (a) => (a.importer.endsWith('cli/markdown-on-demand.ts') ? { path: a.path, external: true } : undefined));
  },
};
// The commands load with require(), not import(): Node's ESM loader would first scan each bundle
// (megabytes) for its exports, about a tenth of a second per command.
// dist/cli.js (cli/start.cjs) runs the bundle dist/strategy.js with a V8 code cache made here by
// linting the Herne example once (scripts/code-cache.cjs); the build id ties the cache to its bundle.
const buildId = randomUUID();
await build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/strategy.js', banner: { js: `// build ${buildId}` }, plugins: [yamlBrowserBuild, commandsOnDemand, markdownOnDemand], supported: { 'dynamic-import': false } });
await build({ ...common, entryPoints: { markdown: 'strategy/parse/remark.ts' }, outdir: 'dist' });
await build({ ...common, entryPoints: otherCommands.map((c) => `cli/commands/${c}.ts`), outdir: 'dist/commands' });
copyFileSync('cli/start.cjs', 'dist/cli.js');
chmodSync('dist/cli.js', 0o755);
rmSync('dist/strategy.js.cache', { force: true });
rmSync('dist/cli.js.map', { force: true }); // of builds before dist/strategy.js
const cached = spawnSync(process.execPath, ['scripts/code-cache.cjs', 'dist/strategy.js', 'lint', '--root', 'examples/herne', '--format', 'json', '--as-of', '2026-06-01'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (!existsSync('dist/strategy.js.cache')) console.warn(`build: no code cache for dist/strategy.js (exit ${cached.status}); the CLI compiles it at each start`);
/** For the web extension: Node-only modules become ones that say so when called. */
const nodeOnlyLeftOut = {
  name: 'node-only-left-out',
  setup(b) {
    const stub = (what) => ({ contents: `const no = () => { throw new Error(${JSON.stringify(`${what} is not available in the browser`)}); }; module.exports = new Proxy({ sep: '/' }, { get: (t, k) => (k in t ? t[k] : k === '__esModule' ? false : no) });`, loader: 'js' });
    b.onResolve({ filter: /^node:/ }, (a) => ({ path: a.path, namespace: 'node-only' }));
    b.onResolve({ filter: /cli\/report\/git$/ }, (a) => ({ path: a.path, namespace: 'node-only' }));
    b.onLoad({ filter: /.*/, namespace: 'node-only' }, (a) => stub(a.path));
  },
};

if (existsSync('extension/extension.ts')) {
  // The extension bundle is minified and has no source map: it ships in the VSIX (size limit).
  await build({ ...common, entryPoints: ['extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], sourcemap: false, minify: true });
  // The web extension (`browser` in package.json: vscode.dev, github.dev, code-server's web
  // worker extension host): the same code for a Web Worker. What needs Node is left out – the
  // real-path check for symbolic links on disk (a browser has no disk) and the CLI's git reader
  // (the report reads HEAD through VS Code's file system instead) – see docs/vscode.md.
  await build({ ...common, platform: 'browser', conditions: ['worker'], target: 'es2022', entryPoints: ['extension/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], sourcemap: false, minify: true, define: { 'process.env.NODE_ENV': '"production"' }, plugins: [yamlBrowserBuild, nodeOnlyLeftOut] });
  // The roadmap webview loads Mermaid from the extension's own media folder (no CDN).
  mkdirSync('media', { recursive: true });
  copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'media/mermaid.min.js');
}
