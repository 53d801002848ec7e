// Which test file runs in which lane (docs/architecture.md, "Test lanes"). A test file that starts a
// process (the built CLI, Chromium, git, pdftotext, …) is end-to-end; every other test file runs in
// the fast unit lane, which refuses to start processes. A file is end-to-end when it imports what
// starts processes (below), or when it is listed in `listed`.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const PROJECT = join(__dirname, '..', '..');

/** End-to-end files whose imports do not show it. */
const listed = [];

/** Imports that start processes: child_process, the CLI helpers (dist/cli.js), the tool finders, Chromium. */
const STARTS_PROCESSES = /from ['"](?:node:)?child_process['"]|from ['"]\.\/(?:lifecycle-helpers|helpers\/build|helpers\/environment)['"]|['"]playwright-core['"]/;

/** The VS Code tests run in code-server through scripts/test-vscode-*.mjs, never by mocha directly. */
const elsewhere = ['test/extension/**'];

/** Every end-to-end test file, as a path relative to the project. */
function e2eFiles() {
  const all = readdirSync(join(PROJECT, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`);
  return all.filter((f) => listed.includes(f) || STARTS_PROCESSES.test(readFileSync(join(PROJECT, f), 'utf8'))).sort();
}

module.exports = { e2eFiles, elsewhere };
