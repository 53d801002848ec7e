// Makes the V8 code cache of dist/strategy.js (read by dist/cli.js, cli/start.cjs): compiles the
// bundle, runs `strategy lint` on the Herne example in this process (so that the cache holds the
// functions a lint compiles, not only the top level), and writes the cache when the process
// exits, headed by the build id from the bundle's first line. Called by scripts/build.mjs.
// Usage: node scripts/code-cache.cjs dist/strategy.js ARGS…
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const file = resolve(process.argv[2]);
const source = readFileSync(file, 'utf8');
const build = /^\/\/ build (\S+)/.exec(source);
if (!build) throw new Error(`${file}: no build id on the first line`);
const script = new vm.Script(Module.wrap(source), { filename: file });
process.argv = [process.argv[0], file, ...process.argv.slice(3)];
process.on('exit', () => {
  const header = Buffer.alloc(64, ' ');
  header.write(build[1], 'latin1');
  writeFileSync(`${file}.cache`, Buffer.concat([header, script.createCachedData()]));
});
const bundle = new Module(file, module);
bundle.filename = file;
bundle.loaded = true;
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
