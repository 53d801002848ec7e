#!/usr/bin/env node
// The `strategy` command (dist/cli.js): runs the CLI bundle, dist/strategy.js, with the V8 code
// cache that the build made for it (scripts/code-cache.cjs), so that a start does not compile
// again what a lint compiles (Node 20 has no module.enableCompileCache; BENCHMARKS.md, start-up).
// Without a cache of the same build – or when V8 rejects it (another Node version, other V8
// flags) – the bundle is compiled as usual. Plain CommonJS: this file is copied, not bundled.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const file = join(__dirname, 'strategy.js');
const source = readFileSync(file, 'utf8');
let cachedData;
try {
  const cache = readFileSync(`${file}.cache`);
  // V8 checks only the source's length: the cache must name the build it was made for.
  const build = /^\/\/ build (\S+)/.exec(source);
  if (build && cache.subarray(0, 64).toString('latin1').trimEnd() === build[1]) cachedData = cache.subarray(64);
} catch {
  // no cache: compile
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
const bundle = new Module(file, module);
bundle.filename = file;
bundle.loaded = true;
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, __dirname);
