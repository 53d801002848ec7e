// Builds once when dist/ is missing (e.g. `npm ci --ignore-scripts`), so `npm run strategy` always works.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
if (!existsSync(new URL('../dist/cli.js', import.meta.url))) {
  execFileSync(process.execPath, [new URL('./build.mjs', import.meta.url).pathname], { stdio: 'inherit' });
}
