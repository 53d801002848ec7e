// Builds action/dist/index.js: the CI entry point (action/main.ts) with the linter, one file that
// GitHub Actions and the GitLab template run with plain `node` (no npm install; docs/ci.md).
// `node scripts/build-action.mjs --out FILE` writes elsewhere (the freshness test compares).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { yamlBrowserBuild } from './yaml-browser-build.mjs';

const at = process.argv.indexOf('--out');
const outfile = at > 0 ? process.argv[at + 1] : 'action/dist/index.js';
// The schema validators are generated code (strategy/schema/generated), not committed.
execFileSync(process.execPath, [new URL('./build-schema.mjs', import.meta.url).pathname], { stdio: 'inherit' });
await build({
  entryPoints: ['action/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Same bytes from the same sources: the committed bundle can be checked for freshness.
  sourcemap: false,
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [yamlBrowserBuild],
  banner: { js: '// Built by scripts/build-action.mjs from action/main.ts; do not edit (docs/ci.md).' },
});
