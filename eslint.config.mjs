// ESLint (typescript-eslint): the layer boundaries of docs/architecture.md and a few correctness
// rules. Deliberately no style rules: formatting is not checked here.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'url', 'util', 'crypto', 'stream', 'events', 'http', 'https', 'net', 'worker_threads', 'zlib', 'assert', 'assert/*', 'buffer', 'process', 'readline', 'tty', 'module', 'v8', 'vm', 'perf_hooks'];

/** `no-restricted-imports` patterns: what a layer must not import. */
const forbid = (...groups) => ({ patterns: groups.map(([group, message]) => ({ group, message })) });
const noNode = [NODE_BUILTINS, 'The core does no I/O and runs in browsers: pass data or a store in (docs/architecture.md).'];
const noVscode = [['vscode'], 'Only extension/ talks to VS Code.'];
const noCli = [['**/cli', '**/cli/**'], 'The core does not depend on the command line front end.'];
const noExtension = [['**/extension', '**/extension/**'], 'Only the extension depends on the extension.'];
const noDom = ['window', 'document', 'navigator', 'localStorage', 'fetch', 'XMLHttpRequest'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'media/**', 'bench/repos/**', '.vscode-test/**', 'test/fixtures/**', 'examples/**', 'strategy/schema/generated/**'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.base],
    // Others' disable comments may name rules this small set does not enable.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      // Correctness only.
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'no-constant-binary-expression': 'error',
      'no-sparse-arrays': 'error',
      'no-throw-literal': 'error',
      eqeqeq: ['error', 'smart'],
      // A warning: shown, never blocking a landing.
      '@typescript-eslint/no-unused-vars': ['warn', { args: 'none', ignoreRestSiblings: true, caughtErrors: 'none' }],
      '@typescript-eslint/no-duplicate-enum-values': 'error',
      '@typescript-eslint/no-misused-new': 'error',
    },
  },
  {
    // The core: no Node, no VS Code, no front end, no DOM, no clock or randomness of its own.
    files: ['strategy/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbid(noNode, noVscode, noCli, noExtension)],
      '@typescript-eslint/no-require-imports': 'error',
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'setTimeout', 'setInterval', 'setImmediate', ...noDom],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core reads no clock: take the date (asOf, now) as a parameter.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core reads no clock: take the date (asOf, now) as a parameter.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The core draws no random numbers: take them (or a generator) as a parameter.' },
        { selector: 'ImportExpression', message: 'The core is synchronous and bundled: import statically.' },
      ],
    },
  },
  {
    // The command line front end: Node, never the extension.
    files: ['cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbid(noVscode, noExtension)] },
  },
  {
    // The extension runs on the desktop and in the browser: no Node (docs/vscode.md), no CLI.
    files: ['extension/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbid(noCli)] },
  },
  {
    // JavaScript: scripts, benchmarks and mocha configurations (CommonJS where named .cjs).
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', fetch: 'readonly' } },
    rules: { 'no-undef': 'error', 'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }], 'no-dupe-keys': 'error', 'no-unreachable': 'error', 'use-isnan': 'error', 'valid-typeof': 'error' },
  },
);
