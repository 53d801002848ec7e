// Property-based tests of the core on random and mutated repositories (see test/helpers/arbitraries.ts):
// it never throws, every finding points at a real place in its file, results do not depend on the
// order files are set in or on the way they got there (fresh workspace vs. `update()`).
// Replay a failure with the seed fast-check prints:
//   FC_SEED=<seed> [FC_PATH=<path>] node_modules/.bin/mocha test/property.test.ts
// More cases locally: FC_RUNS_FACTOR=10. See docs/security.md.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { collectSymbols, type Finding, type LintResult } from '../strategy/index';
import { renderRoadmap, type RoadmapOptions } from '../strategy/diagrams/index';
import { buildReport, reportToMarkdown, REPORT_KINDS } from '../strategy/report/index';
import { exportModel, measuresCsv } from '../strategy/export/index';
import { applyEdit, edit, fcParams, rangeProblems, repoArb, textOf, workspaceOf, type Content, type Repo } from './helpers/arbitraries';

const AS_OF = '2026-06-01';
/** Longest message a finding may have. */
const MAX_MESSAGE = 1000;
const encoder = new TextEncoder();
/** Keeps a BOM as U+FEFF, as an editor's document text would. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** Text with a lone surrogate has no UTF-8 form. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const lintOptions = fc.record({ asOf: fc.constantFrom(AS_OF, '2024-01-01', '2030-12-31'), lang: fc.constantFrom('de' as const, 'en' as const, undefined) });

/** Every located thing in a lint result: findings, waived findings and their related locations. */
function locations(result: LintResult): Array<{ file: string; range: Finding['range']; what: string }> {
  const out: Array<{ file: string; range: Finding['range']; what: string }> = [];
  for (const f of [...result.findings, ...result.waived]) {
    out.push({ file: f.file, range: f.range, what: `${f.rule}: ${f.message.en}` });
    for (const r of f.related ?? []) out.push({ file: r.file, range: r.range, what: `related of ${f.rule}: ${r.message.en}` });
  }
  return out;
}

/** Asserts that every location (and, with `withSymbols`, every symbol the editor uses) lies inside the text of a file that was set. */
function assertRangesValid(files: Map<string, Content>, result: LintResult, withSymbols = false): void {
  for (const loc of locations(result)) {
    const content = files.get(loc.file);
    assert.ok(content !== undefined, `finding in a file that was never set: ${loc.file} (${loc.what})`);
    const problems = rangeProblems(textOf(content), loc.range);
    assert.deepEqual(problems, [], `${loc.file} ${JSON.stringify(loc.range)} (${loc.what})`);
  }

  if (withSymbols) {
    for (const s of collectSymbols(result.model)) {
      const content = files.get(s.file);
      assert.ok(content !== undefined, `symbol in a file that was never set: ${s.file}`);
      assert.deepEqual(rangeProblems(textOf(content), s.range), [], `symbol ${s.kind} ${s.id} in ${s.file}`);
    }
  }
}

/** A lint result as plain, comparable data. */
function project(result: LintResult): string {
  return JSON.stringify({
    findings: result.findings,
    waived: result.waived,
    lang: result.lang,
    asOf: result.asOf,
    fileCount: result.fileCount,
    files: result.model.files,
    measures: result.model.measures.map((m) => [m.id, m.origin.file, m.title]),
  });
}

/** Everything the front ends make from a result: roadmaps, reports, export, symbols. */
function outputs(result: LintResult): string[] {
  const out: string[] = [];
  for (const type of ['gantt', 'dependencies', 'timeline'] as const) {
    for (const group of ['field', 'owner', 'status'] as const) {
      const options: RoadmapOptions = { type, group, asOf: result.asOf, lang: result.lang };
      out.push(...renderRoadmap(result, options));
    }
    out.push(...renderRoadmap(result, { type, asOf: result.asOf, lang: result.lang, aiOnly: true, from: '2025', to: '2027-Q2' }));
  }
  for (const kind of REPORT_KINDS) out.push(reportToMarkdown(buildReport(result, kind)));
  const doc = exportModel(result);
  out.push(JSON.stringify(doc), measuresCsv(doc, result.lang));
  out.push(JSON.stringify(collectSymbols(result.model)));
  return out;
}

describe('property: the core on random and hostile repositories', function () {
  this.timeout(300_000);

  it('never throws, and every finding has a valid range inside its file', () => {
    fc.assert(
      fc.property(repoArb(), lintOptions, (repo, options) => {
        const files = new Map(repo.files);
        const ws = workspaceOf(repo.files);
        ws.model();
        const result = ws.lint(options);
        assertRangesValid(files, result, true);
        // `__proto__`, `constructor` and `toString` keys stay data.
        assert.deepEqual(Object.keys(Object.prototype), [], 'Object.prototype was polluted');
      }),
      fcParams(600),
    );
  });

  // Messages quote ids, titles and values from the files: `formatMessage` shortens what it inserts.
  it('messages stay short whatever the file holds', () => {
    fc.assert(
      fc.property(repoArb(), lintOptions, (repo, options) => {
        const result = workspaceOf(repo.files).lint(options);
        for (const f of [...result.findings, ...result.waived]) {
          for (const lang of ['de', 'en'] as const) assert.ok(f.message[lang].length <= MAX_MESSAGE, `${f.rule}: a message of ${f.message[lang].length} characters: ${f.message[lang].slice(0, 300)}…`);
        }
      }),
      fcParams(200),
    );
  });

  it('roadmaps, reports and the export never throw', () => {
    fc.assert(
      fc.property(repoArb({ maxMeasureFiles: 4 }), lintOptions, (repo, options) => {
        const result = workspaceOf(repo.files).lint(options);
        for (const text of outputs(result)) assert.equal(typeof text, 'string');
      }),
      fcParams(120),
    );
  });

  it('results are deterministic and independent of the order in which files are set, and of strings vs. bytes', () => {
    const repoAndOrder = repoArb({ maxMeasureFiles: 4 }).chain((repo: Repo) =>
      fc.tuple(fc.constant(repo), fc.shuffledSubarray(repo.files, { minLength: repo.files.length, maxLength: repo.files.length })),
    );
    // A small size limit now and then, so that "too large" takes part (and counts the same for strings and bytes).
    const limits = fc.option(fc.integer({ min: 0, max: 3000 }).map((maxFileBytes) => ({ maxFileBytes })), { nil: undefined });
    fc.assert(
      fc.property(repoAndOrder, lintOptions, limits, ([repo, shuffled], options, limit) => {
        const a = workspaceOf(repo.files, limit).lint(options);
        const b = workspaceOf(shuffled, limit).lint(options);
        assert.equal(project(b), project(a));
        assert.deepEqual(outputs(b), outputs(a));
        // Linting the same workspace again changes nothing either (caches).
        const ws = workspaceOf(shuffled, limit);
        ws.lint(options);
        assert.equal(project(ws.lint(options)), project(a));
        // A lint that keeps nothing for later updates (`once`, the CLI's) finds the same.
        assert.equal(project(workspaceOf(shuffled, limit).lint({ ...options, once: true })), project(a));
        // An editor hands over strings, the CLI bytes: the same text gives the same result.
        const flipped = repo.files.map(([p, c]): [string, Content] => [p, typeof c === 'string' ? (LONE_SURROGATE.test(c) ? c : encoder.encode(c)) : isUtf8(c) ? decoder.decode(c) : c]);
        assert.equal(project(workspaceOf(flipped, limit).lint(options)), project(a));
      }),
      fcParams(120),
    );
  });

  it('update() gives the same findings as a fresh workspace, and names exactly the files whose findings changed', () => {
    fc.assert(
      fc.property(repoArb({ maxMeasureFiles: 4 }), fc.array(edit, { minLength: 1, maxLength: 4 }), lintOptions, (repo, edits, options) => {
        const files = new Map(repo.files);
        const ws = workspaceOf(repo.files);
        let previous = ws.lint(options);
        for (const e of edits) {
          const change = applyEdit(files, e);
          if (!change) continue;
          const [path, content] = change;
          if (content === null) files.delete(path);
          else files.set(path, content);
          const { result, changed } = ws.update(path, content, previous, options);
          const fresh = workspaceOf([...files]).lint(options);
          assert.equal(project(result), project(fresh), `after ${e.kind} of ${path}`);
          // A lint that keeps nothing in between (`once`) neither changes the result nor spoils the next update.
          if (path.length % 2 === 0) assert.equal(project(ws.lint({ ...options, once: true })), project(fresh), `once after ${e.kind} of ${path}`);
          assertRangesValid(files, result);

          const before = byFile(previous.findings);
          const after = byFile(result.findings);
          const differing = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
          assert.deepEqual([...changed.keys()].sort(), differing, `changed files after ${e.kind} of ${path}`);
          previous = result;
        }
      }),
      fcParams(150),
    );
  });
});

/** Findings of each file as one comparable string. */
function byFile(findings: Finding[]): Map<string, string> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) m.set(f.file, [...(m.get(f.file) ?? []), f]);
  return new Map([...m].map(([file, list]) => [file, JSON.stringify(list.map((f) => [f.rule, f.severity, f.range.start.offset, f.range.end.offset, f.message.en, f.measure]))]));
}
