#!/usr/bin/env node
// The `strategy` command (dist/cli.js): runs the CLI bundle, dist/strategy.js, with the V8 code
// cache that the build made for it (scripts/code-cache.cjs), so that a start does not compile
// again what a lint compiles (Node 20 has no module.enableCompileCache; BENCHMARKS.md, start-up).
// Without a cache of the same build – or when V8 rejects it (another Node version, other V8
// flags) – the bundle is compiled as usual. Plain CommonJS: this file is copied, not bundled.
//
// A lint of a large repository runs in a worker thread with a small young generation: V8 grows
// its young generation to 2 × 16 MB when much of what a program allocates stays alive – as a
// lint's parsed files do – and Node lets a program choose that size only with a flag at start or
// per worker. About 18 MB less peak memory at 5,000 measures for about the same time; a small
// repository (most runs) starts without the worker's 25 ms (BENCHMARKS.md, "Peak memory").
'use strict';
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { isMainThread, Worker } = require('node:worker_threads');
const Module = require('node:module');
const vm = require('node:vm');


/** Measure files from which a lint runs in the worker. */
const LARGE_REPOSITORY_FILES = 1000;
/** The worker's young generation (MB): 3 keeps it at 1 MB semi-spaces; larger gives no speed (BENCHMARKS.md). */
const YOUNG_GENERATION_MB = 3;

// Required (not run) by a test, it only hands over its decision.
if (require.main !== module) module.exports = { isLargeLint, LARGE_REPOSITORY_FILES };
else if (isMainThread && process.env.STRATEGY_NO_WORKER === undefined && isLargeLint(process.argv.slice(2))) runInWorker();
else runBundle();

function runInWorker() {
  const env = { ...process.env };
  // The worker's stdout is no terminal: keep the colours a terminal would get.
  if (process.stdout.isTTY && env.NO_COLOR === undefined && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
  // STRATEGY_NO_WORKER tells the worker to run the bundle itself (and lets a test compare both ways).
  env.STRATEGY_NO_WORKER = '1';
  const worker = new Worker(__filename, { argv: process.argv.slice(2), env, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  let failed = false;
  // The CLI reports its own errors inside the worker; what reaches here is the worker itself
  // failing (out of memory, say): one line and exit 2, as for any error, not a stack trace.
  worker.on('error', (e) => {
    failed = true;
    process.stderr.write(`strategy: ${e.code ? `${e.code}: ` : ''}${String(e.message).split('\n')[0]}\n`);
    process.exitCode = 2;
  });
  worker.on('exit', (code) => {
    if (!failed) process.exitCode = code;
  });
  // A closed pipe (`strategy lint | head`) ends the command quietly, as without the worker.
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/**
 * `strategy lint` on a repository with at least LARGE_REPOSITORY_FILES entries under measures/
 * (counted without following links, up to that number). A guess, only for memory: a lint with
 * other `include` folders runs in this thread, with the same results.
 */
function isLargeLint(args) {
  if (args[0] !== 'lint') return false;
  let root;
  const at = args.indexOf('--root');
  if (at >= 0) root = args[at + 1];
  else root = args.find((a) => a.startsWith('--root='))?.slice('--root='.length);
  root = root ? resolve(root) : nearestStrategyFolder(process.cwd());
  if (!root) return false;
  let count = 0;
  const folders = [join(root, 'measures')];
  while (folders.length && count < LARGE_REPOSITORY_FILES) {
    let entries;
    try {
      entries = readdirSync(folders.pop(), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) folders.push(join(e.parentPath ?? e.path, e.name));
      else if (++count >= LARGE_REPOSITORY_FILES) break;
    }
  }
  return count >= LARGE_REPOSITORY_FILES;
}

function nearestStrategyFolder(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      if (statSync(join(dir, 'strategy.yaml')).isFile()) return dir;
    } catch {
      // not here
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function runBundle() {
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
}
