// The fast lane (`npm run test:unit`): every in-process test, no processes, no dist/.
// Property tests run a quarter of their cases here unless FC_RUNS_FACTOR says otherwise;
// `npm test` runs them in full (FC_RUNS_FACTOR=1).
const base = require('../../.mocharc.json');
const { e2eFiles, elsewhere } = require('./files.cjs');

process.env.FC_RUNS_FACTOR ??= '0.25';
process.env.STRATEGY_TEST_LANE = 'unit';

module.exports = { ...base, spec: ['test/**/*.test.ts'], ignore: [...elsewhere, ...e2eFiles()] };
