// The end-to-end lane (`npm run test:e2e`, before the VS Code tests): the built CLI as a process,
// Chromium, external tools. The root hooks (test/helpers/root-hooks.ts) build dist/ once first and
// run Microsoft's SARIF validator once over every SARIF output the tests collected.
const base = require('../../.mocharc.json');
const { e2eFiles } = require('./files.cjs');

process.env.STRATEGY_TEST_LANE = 'e2e';

module.exports = { ...base, spec: e2eFiles() };
