// Which test file runs in which lane (docs/architecture.md, "Tests"). A test file runs in the fast
// unit lane unless it is listed here. List a file as end-to-end when it starts a process (the built
// CLI, Chromium, a tool such as pdftotext or git): the unit lane refuses to start processes.
// The VS Code tests (test/extension/**) run in code-server through scripts/test-vscode-*.mjs.

/** End-to-end test files: CLI processes, Chromium, external tools. They run against dist/, built once first. */
const e2e = [
  'test/calendar.test.ts',
  'test/cli-lint.test.ts',
  'test/file-safety.test.ts',
  'test/git-reader.test.ts',
  'test/hostile-cli.test.ts',
  'test/injection.test.ts',
  'test/lifecycle-export.test.ts',
  'test/lifecycle-init.test.ts',
  'test/lifecycle-new.test.ts',
  'test/lifecycle-rules.test.ts',
  'test/plan-cli.test.ts',
  'test/property-cli.test.ts',
  'test/report-cli.test.ts',
  'test/roadmap-cli.test.ts',
  'test/roadmap-render.test.ts',
];

/** Never run by mocha directly. */
const elsewhere = ['test/extension/**'];

module.exports = { e2e, elsewhere };
