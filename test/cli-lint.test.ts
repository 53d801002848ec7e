// `strategy lint` as a process: exit codes, output formats, options, and what it must never do
// (stack traces, colour in pipes, writes into the strategy repository).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULES_BY_ID } from '../strategy/index';
import { loadWorkspace } from '../cli/load';
import { formatSarif } from '../cli/format/sarif';
import { formatResult } from '../cli/format/types';
import { validateSarifLater } from './helpers/sarif';
import { descendants, parseXml } from './helpers/xml';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const FIXTURES = join(__dirname, 'fixtures', 'cli');
const AS_OF = '2026-06-01';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI without a terminal and without colour settings from the test's own environment. */
function strategy(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? FIXTURES, env: { ...env, ...opts.env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => join(FIXTURES, name);

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  measure?: string;
  message: string;
}
interface JsonReport {
  version: number;
  root: string;
  asOf: string;
  summary: { errors: number; warnings: number; infos: number; waived: number; files: number; measures: number };
  findings: JsonFinding[];
  waived: Array<JsonFinding & { reason: string; until?: string; by?: string }>;
}

function lintJson(root: string, extra: string[] = []): { run: Run; report: JsonReport } {
  const run = strategy(['lint', '--root', root, '--format', 'json', '--as-of', AS_OF, ...extra]);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/** A user-facing error: one line (commander may add a "did you mean" line), never a stack trace. */
function assertOneLineError(stderr: string): void {
  const lines = stderr.replace(/\n$/, '').split('\n');
  assert.match(lines[0], /^(strategy: |error: )\S/, `stderr: ${stderr}`);
  for (const l of lines.slice(1)) assert.match(l, /^\(Did you mean .*\)$/, `unexpected extra stderr line: ${l}`);
  assert.doesNotMatch(stderr, /^\s+at /m, 'stack trace on stderr');
}

/** Line and 1-based column of `needle` in a fixture file, found in the file itself. */
function positionOf(file: string, needle: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not in ${file}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

/** Every file below `dir` with size and modification time, to prove that nothing was written there. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const st = statSync(full);
        out.push(`${relative(dir, full)} ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'strategy-cli-'));
}

/** The suite's temporary folder (removed after the suite, also when a test fails). */
let suiteTmp = '';

/**
 * A repository whose file name, measure id and values carry text that breaks naive output:
 * XML and HTML specials, quotes, control characters, ANSI escapes, and the `%`, `:` and `,`
 * of GitHub workflow commands. Made at test time: such file names cannot be checked out on Windows.
 */
const HOSTILE_FILE = 'measures/a,b:c%d&e #1.yaml';
function hostileRepo(): string {
  const dir = mkdtempSync(join(suiteTmp, 'hostile-'));
  mkdirSync(join(dir, 'measures'));
  writeFileSync(join(dir, 'strategy.yaml'), 'schema: 1\ntitle: "T <&> \\"q\\""\norganisation: O\n');
  writeFileSync(
    join(dir, HOSTILE_FILE),
    ['id: "X<&\\"\\x01\\x1b[31m>, a:b%c"', 'title: "<b>&amp; \\"q\\" \\x02"', 'status: "pl\\nan%0A<&>\\x7f"', ''].join('\n'),
  );
  return dir;
}

// XML outputs are read with test/helpers/xml.ts (strict sax plus the characters XML 1.0 forbids).

// --- GitHub workflow commands ---
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

function parseWorkflowCommands(out: string): Array<{ command: string; props: Record<string, string>; message: string }> {
  return out
    .replace(/\n$/, '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(m, `not a workflow command: ${line}`);
      const props: Record<string, string> = {};
      for (const kv of m[2].split(',')) {
        const eq = kv.indexOf('=');
        props[kv.slice(0, eq)] = unescapeProperty(kv.slice(eq + 1));
      }
      return { command: m[1], props, message: unescapeData(m[3]) };
    });
}

describe('strategy lint (CLI process)', function () {
  this.timeout(120_000);
  let tmp: string;

  before(function () {
    tmp = suiteTmp = tempDir();
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  describe('exit codes', () => {
    it('0 on a clean repository, with nothing on stderr', () => {
      const r = strategy(['lint', '--root', fixture('clean'), '--as-of', AS_OF]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(r.stderr, '');
      const { report } = lintJson(fixture('clean'));
      assert.deepEqual(report.findings, []);
      assert.deepEqual(report.summary, { errors: 0, warnings: 0, infos: 0, waived: 0, files: 5, measures: 3 });
    });

    it('0 when a title comes from a heading with markup (the Markdown parser, dist/markdown.js, loaded on demand)', () => {
      const dir = join(tmp, 'heading-markup');
      cpSync(fixture('clean'), dir, { recursive: true });
      const file = join(dir, 'measures', 'verwaltung', 'e-akte.md');
      const text = readFileSync(file, 'utf8').replace('title: Elektronische Akte\n', '');
      writeFileSync(file, text.replace('# Elektronische Akte\n', '# Elektronische *Akte* &amp; `Ablage`\n'));
      const r = strategy(['lint', '--root', dir, '--format', 'json', '--as-of', AS_OF]);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0, r.stdout);
      assert.deepEqual((JSON.parse(r.stdout) as JsonReport).findings, []);
      // Without the heading the title is missing: the run above did read it.
      writeFileSync(file, text.replace('# Elektronische Akte\n', ''));
      const { report } = lintJson(dir);
      assert.ok(report.findings.some((f) => f.measure === 'E-AKTE' && /title/.test(f.message)), JSON.stringify(report.findings));
    });

    it('1 when there are errors', () => {
      const r = strategy(['lint', '--root', fixture('errors'), '--as-of', AS_OF]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /bad-status\.yaml/);
    });

    it('0 with warnings only', () => {
      const { run, report } = lintJson(fixture('warnings'));
      assert.equal(run.status, 0);
      assert.equal(report.summary.errors, 0);
      assert.deepEqual(
        report.findings.map((f) => `${f.rule} ${f.measure} ${f.severity}`),
        ['owner-missing OPEN-DATA warning', 'owner-missing WLAN warning'],
      );
    });

    it('1 when warnings exceed --max-warnings, 0 when they do not', () => {
      const { report } = lintJson(fixture('warnings'));
      const n = report.summary.warnings;
      assert.ok(n > 0);
      const over = strategy(['lint', '--root', fixture('warnings'), '--as-of', AS_OF, '--max-warnings', String(n - 1)]);
      assert.equal(over.status, 1);
      assertOneLineError(over.stderr);
      assert.match(over.stderr, new RegExp(`${n}.*--max-warnings ${n - 1}`));
      assert.equal(strategy(['lint', '--root', fixture('warnings'), '--as-of', AS_OF, '--max-warnings', String(n)]).status, 0);
      assert.equal(strategy(['lint', '--root', fixture('clean'), '--as-of', AS_OF, '--max-warnings', '0']).status, 0);
    });

    const usageErrors: Array<[string, string[], string]> = [
      ['an unknown option', ['--fromat', 'json'], '--fromat'],
      ['an impossible --as-of date', ['--as-of', '2026-02-30'], '2026-02-30'],
      ['an --as-of that is no date', ['--as-of', 'tomorrow'], 'tomorrow'],
      ['an unknown --rule id', ['--rule', 'no-such-rule=off'], 'no-such-rule'],
      ['an unknown --rule severity', ['--rule', 'owner-missing=fatal'], 'owner-missing=fatal'],
      ['a --rule without severity', ['--rule', 'owner-missing'], 'owner-missing'],
      ['an unknown --format', ['--format', 'xml'], 'xml'],
      ['a --max-warnings that is no number', ['--max-warnings', 'many'], 'many'],
      ['an unknown --lang', ['--lang', 'fr'], 'fr'],
    ];
    for (const [what, args, mention] of usageErrors) {
      it(`2 for ${what}, as one line without a stack trace`, () => {
        const r = strategy(['lint', '--root', fixture('clean'), ...args]);
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stdout, '');
        assertOneLineError(r.stderr);
        assert.ok(r.stderr.includes(mention), `stderr should name ${mention}: ${r.stderr}`);
      });
    }

    it('2 for an unknown command', () => {
      const r = strategy(['lnit']);
      assert.equal(r.status, 2);
      assertOneLineError(r.stderr);
    });

    it('2 when no strategy.yaml is found walking up from the current folder', () => {
      const empty = join(tmp, 'no-strategy', 'sub');
      mkdirSync(empty, { recursive: true });
      const r = strategy(['lint'], { cwd: empty });
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assertOneLineError(r.stderr);
      assert.match(r.stderr, /strategy\.yaml/);
    });

    it('2 when --root has no strategy.yaml, or does not exist', () => {
      for (const root of [fixture('clean/measures'), join(tmp, 'does-not-exist')]) {
        const r = strategy(['lint', '--root', root]);
        assert.equal(r.status, 2, root);
        assertOneLineError(r.stderr);
        assert.match(r.stderr, /strategy\.yaml/);
      }
    });

    it('2 for an I/O failure (one line); --debug adds the stack trace', () => {
      const dir = join(tmp, 'output-is-a-folder');
      mkdirSync(dir);
      const plain = strategy(['lint', '--root', fixture('clean'), '--output', dir]);
      assert.equal(plain.status, 2);
      assertOneLineError(plain.stderr);
      assert.ok(plain.stderr.includes(dir), plain.stderr);
      assert.doesNotMatch(plain.stderr, /\.tmp/, 'the error names the file asked for, not the temporary file');
      const debug = strategy(['--debug', 'lint', '--root', fixture('clean'), '--output', dir]);
      assert.equal(debug.status, 2);
      assert.match(debug.stderr, /^strategy: /);
      assert.match(debug.stderr, /^\s+at /m, 'stack trace with --debug');
      assert.deepEqual(readdirSync(dir), [], 'no temporary file left behind');
    });
  });

  describe('error paths: one line naming the file (and line), --debug adds the stack', () => {
    /** Runs `args` plain and with --debug: exit 2, one line that matches `line`; the stack only with --debug. */
    const check = (args: string[], line: RegExp, opts: { cwd?: string } = {}) => {
      const plain = strategy(args, opts);
      assert.equal(plain.status, 2, `${args.join(' ')}: ${plain.stderr}`);
      assert.equal(plain.stdout, '');
      assertOneLineError(plain.stderr);
      assert.match(plain.stderr, line);
      const debug = strategy(['--debug', ...args], opts);
      assert.equal(debug.status, 2);
      const [first, ...rest] = debug.stderr.replace(/\n$/, '').split('\n');
      assert.equal(`${first}\n`, plain.stderr, 'the same line first with --debug');
      assert.ok(rest.some((l) => /^\s+at /.test(l)), `no stack trace with --debug: ${debug.stderr}`);
    };
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

    it('roadmap --update: a marker without its partner, by file and line; a file that cannot be read, by name and code', () => {
      const dir = mkdtempSync(join(tmp, 'regions-'));
      const cases: Array<[string, string, RegExp]> = [
        ['open.md', 'x\n\n<!-- roadmap:start -->\nstill open\n', /:3: <!-- roadmap:start --> has no matching/],
        ['stray.md', 'x\n<!-- roadmap:end -->\n', /:2: <!-- roadmap:end --> without/],
        ['setting.md', '\n<!-- roadmap:start type=pie -->\n<!-- roadmap:end -->\n', /:2: unknown setting "type=pie"/],
        ['none.md', 'no markers\n', /: no roadmap markers/],
      ];
      for (const [name, content, message] of cases) {
        const file = join(dir, name);
        writeFileSync(file, content);
        check(['roadmap', '--root', fixture('clean'), '--as-of', AS_OF, '--update', file, '--lang', 'en'], new RegExp(`^strategy: ${escape(file)}${message.source}`));
        assert.equal(readFileSync(file, 'utf8'), content, `${name} was changed`);
      }
      const missing = join(dir, 'missing.md');
      check(['roadmap', '--root', fixture('clean'), '--update', missing, '--lang', 'en'], new RegExp(`^strategy: --update: cannot read ${escape(missing)}: ENOENT$`, 'm'));
      check(['roadmap', '--root', fixture('clean'), '--update', missing], new RegExp(`^strategy: --update: ${escape(missing)} kann nicht gelesen werden: ENOENT$`, 'm'));
    });

    it('--output into a folder, for every command that writes: the file asked for and the reason', () => {
      const dir = mkdtempSync(join(tmp, 'outputs-'));
      for (const [name, args] of [
        ['roadmap.md', ['roadmap', '--type', 'dependencies']], // (the gantt chart adds a note about measures without dates)
        ['report.md', ['report', 'inventory']],
        ['export.csv', ['export', '--format', 'csv']],
      ] as const) {
        const target = join(dir, name);
        mkdirSync(join(target, 'not-empty'), { recursive: true });
        check([...args, '--root', fixture('clean'), '--as-of', AS_OF, '--output', target], new RegExp(`^strategy: ${escape(target)} kann nicht geschrieben werden: E[A-Z]+`));
        assert.deepEqual(readdirSync(dir).sort(), readdirSync(dir).filter((f) => !f.endsWith('.tmp')).sort(), 'a temporary file was left behind');
      }
    });

    it('no strategy.yaml, and a strategy.yaml that is a folder: the folder named', () => {
      const dir = mkdtempSync(join(tmp, 'root-folder-'));
      mkdirSync(join(dir, 'strategy.yaml'));
      check(['lint', '--root', dir, '--lang', 'en'], new RegExp(`^strategy: no strategy\\.yaml in ${escape(dir)}$`, 'm'));
      check(['lint', '--root', dir], new RegExp(`^strategy: keine strategy\\.yaml in ${escape(dir)}$`, 'm'));
    });
  });

  describe('finding the root', () => {
    it('walks up from a subfolder; paths stay relative to the root', () => {
      const r = strategy(['lint', '--format', 'json', '--as-of', AS_OF], { cwd: fixture('errors/measures') });
      assert.equal(r.status, 1, r.stderr);
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.equal(report.root, '..');
      assert.ok(report.findings.some((f) => f.file === 'measures/bad-status.yaml'));
      const clean = strategy(['lint', '--as-of', AS_OF], { cwd: fixture('clean/measures/verwaltung') });
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    });
  });

  describe('--format json (SPEC §5.1)', () => {
    it('has exactly the specified shape, relative paths and 1-based positions', () => {
      const { report } = lintJson(fixture('errors'));
      assert.deepEqual(Object.keys(report).sort(), ['asOf', 'findings', 'root', 'summary', 'version', 'waived']);
      assert.equal(report.version, 1);
      assert.equal(report.asOf, AS_OF);
      assert.equal(report.root, 'errors');
      assert.deepEqual(Object.keys(report.summary).sort(), ['errors', 'files', 'infos', 'measures', 'waived', 'warnings']);
      assert.deepEqual(report.summary, { errors: 1, warnings: 1, infos: 0, waived: 0, files: 3, measures: 2 });
      const keys = ['column', 'endColumn', 'endLine', 'file', 'line', 'measure', 'message', 'rule', 'severity'];
      for (const f of report.findings) {
        assert.deepEqual(Object.keys(f).sort(), keys);
        assert.doesNotMatch(f.file, /\\|^\/|^[A-Za-z]:/, 'relative path with /');
        for (const n of [f.line, f.column, f.endLine, f.endColumn]) assert.ok(Number.isInteger(n) && n >= 1, JSON.stringify(f));
        assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column), JSON.stringify(f));
        assert.ok(f.message.length > 0);
      }
      const at = positionOf(fixture('errors/measures/bad-status.yaml'), 'aktiv');
      const schema = report.findings.find((f) => f.rule === 'schema');
      assert.deepEqual(
        schema && { file: schema.file, line: schema.line, column: schema.column, endLine: schema.endLine, endColumn: schema.endColumn, severity: schema.severity, measure: schema.measure },
        { file: 'measures/bad-status.yaml', ...at, endLine: at.line, endColumn: at.column + 'aktiv'.length, severity: 'error', measure: 'BAD-STATUS' },
      );
    });

    it('lists waived findings separately, with the waiver’s reason', () => {
      const { report } = lintJson(fixture('waivers'), ['--as-of', '2026-03-31']);
      assert.deepEqual(report.findings, []);
      assert.equal(report.summary.waived, 1);
      assert.equal(report.waived.length, 1);
      const w = report.waived[0];
      assert.equal(w.rule, 'owner-missing');
      assert.equal(w.measure, 'WAIVED');
      assert.equal(w.file, 'measures/waived.yaml');
      assert.equal(w.reason, 'Zuständigkeit wird im Verwaltungsvorstand geklärt');
      assert.equal(w.until, '2026-03-31');
    });
  });

  describe('--format sarif', () => {
    const cases: Array<[string, () => string, string[]]> = [
      ['a clean repository', () => fixture('clean'), []],
      ['a repository with errors and warnings', () => fixture('errors'), []],
      ['a repository with a broken file', () => fixture('broken'), []],
      ['findings with related locations (duplicate id, dependency cycle)', () => fixture('related'), []],
      ['waived findings', () => fixture('waivers'), ['--as-of', '2026-01-01']],
      ['an expired waiver', () => fixture('waivers'), ['--as-of', '2026-12-01']],
      ['hostile file names and values', hostileRepo, []],
      ['the Herne example', () => join(PROJECT, 'examples', 'herne'), []],
    ];
    for (const [what, root, extra] of cases) {
      it(`is valid SARIF (Microsoft's validator runs after the last test): ${what}`, () => {
        const dir = root();
        const file = join(tmp, `lint-${cases.findIndex((c) => c[0] === what)}.sarif`);
        const r = strategy(['lint', '--root', dir, '--format', 'sarif', '--as-of', AS_OF, ...extra, '--output', file]);
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        assert.equal(r.stdout, '');
        validateSarifLater(file, `lint --format sarif: ${what}`);

        const sarif = JSON.parse(readFileSync(file, 'utf8'));
        const { report } = lintJson(dir, extra);
        assert.equal(sarif.version, '2.1.0');
        const bases = sarif.runs[0].originalUriBaseIds as Record<string, { uri: string }>;
        const results = sarif.runs[0].results as Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }>; suppressions?: Array<{ justification: string }> }>;
        assert.equal(results.length, report.findings.length + report.waived.length);
        const expected = [...report.findings, ...report.waived].map((f) => `${f.rule} ${f.file} ${f.line}:${f.column}`).sort();
        const actual = results
          .map((x) => {
            const loc = x.locations[0].physicalLocation;
            // Resolved as a URI reference against its base, as consumers do: a `#`, `?` or scheme-like `a:` would cut or change the path.
            const base = bases[loc.artifactLocation.uriBaseId]?.uri;
            assert.ok(base, `unknown uriBaseId ${loc.artifactLocation.uriBaseId}`);
            const path = relative(dir, fileURLToPath(new URL(loc.artifactLocation.uri, base))).split(sep).join('/');
            return `${x.ruleId} ${path} ${loc.region.startLine}:${loc.region.startColumn}`;
          })
          .sort();
        assert.deepEqual(actual, expected);
        if (dir === fixture('related')) {
          const related = (results as Array<{ relatedLocations?: unknown[] }>).filter((x) => x.relatedLocations?.length);
          assert.ok(related.length >= 2, 'duplicate-id and dependency-cycle point at the other places');
        }
        const suppressed = results.filter((x) => x.suppressions?.length);
        assert.deepEqual(suppressed.map((x) => x.suppressions![0].justification), report.waived.map((w) => w.reason));
      });
    }

    it('passes the validator with related locations in other files (formatter called directly)', () => {
      const root = fixture('errors');
      const result = loadWorkspace(root).lint({ asOf: AS_OF, lang: 'en' });
      const [first, second] = result.findings;
      assert.ok(first && second);
      first.related = [{ file: second.file, range: second.range, message: { de: 'hier', en: 'here' } }, { file: 'strategy.yaml', range: second.range, message: { de: 'und hier', en: 'and here' } }];
      const file = join(tmp, 'related.sarif');
      writeFileSync(file, formatSarif({ result: formatResult(result), root, rootLabel: 'errors', color: false, quiet: false }));
      validateSarifLater(file, 'formatSarif with related locations in other files');
      const sarif = JSON.parse(readFileSync(file, 'utf8'));
      const related = sarif.runs[0].results[0].relatedLocations;
      assert.equal(related.length, 2);
      // rootLabel "errors": the strategy lies below the current folder, so URIs start there (as GitHub expects).
      assert.equal(related[0].physicalLocation.artifactLocation.uri, `errors/${second.file}`);
      assert.equal(sarif.runs[0].originalUriBaseIds.SRCROOT.uri, pathToFileURL(FIXTURES + sep).href);
      assert.equal(related[1].message.text, 'and here');
    });
  });

  describe('--format junit', () => {
    it('one testcase per file read, one failure per error, well-formed XML', () => {
      for (const name of ['clean', 'errors', 'broken']) {
        const r = strategy(['lint', '--root', fixture(name), '--format', 'junit', '--as-of', AS_OF]);
        const doc = parseXml(r.stdout);
        const { report } = lintJson(fixture(name));
        const cases = descendants(doc, 'testcase');
        assert.equal(cases.length, report.summary.files, name);
        const filesWithErrors = new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.file));
        assert.deepEqual(cases.filter((c) => descendants(c, 'failure').length).map((c) => c.attributes.name).sort(), [...filesWithErrors].sort(), name);
        assert.equal(descendants(doc, 'failure').length, report.summary.errors, name);
      }
    });

    it('stays well-formed with <, &, quotes and control characters in ids and values', () => {
      const dir = hostileRepo();
      const r = strategy(['lint', '--root', dir, '--format', 'junit', '--as-of', AS_OF]);
      assert.equal(r.status, 1);
      const doc = parseXml(r.stdout);
      const { report } = lintJson(dir);
      const failures = descendants(doc, 'failure');
      const errors = report.findings.filter((f) => f.severity === 'error');
      assert.equal(failures.length, errors.length);
      assert.ok(errors.length >= 2);
      // Attribute values round-trip, line breaks included; only what XML 1.0 cannot carry is dropped.
      const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
      assert.deepEqual(failures.map((f) => f.attributes.message), errors.map((e) => xmlSafe(e.message)));
      assert.ok(failures.some((f) => f.attributes.message.includes('\n')), 'a line break in a message survives in the attribute');
      // XML parsers turn a literal line break in an attribute into a space; it must be written as &#10;.
      assert.doesNotMatch(r.stdout, /<[^>]*[\r\n][^>]*>/, 'no literal line break inside a tag');
      assert.ok(descendants(doc, 'testcase').some((c) => c.attributes.name === HOSTILE_FILE));
    });
  });

  describe('--format github', () => {
    it('prints one workflow command per finding with file, line and column', () => {
      const r = strategy(['lint', '--root', fixture('errors'), '--format', 'github', '--as-of', AS_OF]);
      assert.equal(r.status, 1);
      const at = positionOf(fixture('errors/measures/bad-status.yaml'), 'aktiv');
      assert.match(r.stdout, new RegExp(`^::error file=errors/measures/bad-status\\.yaml,line=${at.line},col=${at.column},[^\\n]*::.*aktiv`, 'm'));
      const commands = parseWorkflowCommands(r.stdout);
      const { report } = lintJson(fixture('errors'));
      assert.deepEqual(
        commands.map((c) => `${c.command} ${c.props.file}:${c.props.line}:${c.props.col} ${c.message}`),
        report.findings.map((f) => `${f.severity === 'info' ? 'notice' : f.severity} errors/${f.file}:${f.line}:${f.column} ${f.message}`),
      );
    });

    it('escapes %, line breaks, : and , so that hostile text cannot break or inject a command', () => {
      const dir = hostileRepo();
      const r = strategy(['lint', '--format', 'github', '--as-of', AS_OF], { cwd: dir });
      assert.equal(r.status, 1);
      const lines = r.stdout.replace(/\n$/, '').split('\n');
      for (const l of lines) assert.match(l, /^::(error|warning|notice) /);
      const commands = parseWorkflowCommands(r.stdout);
      const { report } = lintJson(dir);
      assert.equal(commands.length, report.findings.length);
      for (const [i, c] of commands.entries()) {
        assert.deepEqual(Object.keys(c.props), ['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
        assert.equal(c.props.file, HOSTILE_FILE);
        assert.equal(c.message, report.findings[i].message);
      }
      assert.ok(r.stdout.includes('file=measures/a%2Cb%3Ac%25d&e #1.yaml,'), r.stdout);
      assert.ok(report.findings.some((f) => f.message.includes('\n') && f.message.includes('%0A')), 'the fixture has a message with a line break and a literal %0A');
    });
  });

  describe('options', () => {
    it('--quiet shows errors only', () => {
      const loud = strategy(['lint', '--root', fixture('errors'), '--as-of', AS_OF]);
      const quiet = strategy(['lint', '--root', fixture('errors'), '--as-of', AS_OF, '--quiet']);
      assert.match(loud.stdout, /owner-missing/);
      assert.doesNotMatch(quiet.stdout, /owner-missing/);
      assert.match(quiet.stdout, /schema/);
      const { report } = lintJson(fixture('errors'), ['--quiet']);
      assert.ok(report.findings.length > 0);
      assert.ok(report.findings.every((f) => f.severity === 'error'));
    });

    it('--rule X=off removes a rule, --rule X=error escalates it', () => {
      const off = lintJson(fixture('warnings'), ['--rule', 'owner-missing=off']);
      assert.equal(off.run.status, 0);
      assert.ok(!off.report.findings.some((f) => f.rule === 'owner-missing'));
      const escalated = lintJson(fixture('warnings'), ['--rule', 'owner-missing=error']);
      assert.equal(escalated.run.status, 1);
      const owner = escalated.report.findings.filter((f) => f.rule === 'owner-missing');
      assert.equal(owner.length, 2);
      assert.ok(owner.every((f) => f.severity === 'error'));
      const lowered = lintJson(fixture('errors'), ['--rule', 'schema=warning']);
      assert.equal(lowered.run.status, 0);
    });

    it('--max-file-size: a larger file is reported (not read), the rest is linted; a bad size exits 2 in one line', () => {
      const root = join(tmp, 'max-file-size');
      cpSync(fixture('clean'), root, { recursive: true });
      const big = join(root, 'measures', 'big.md');
      writeFileSync(big, `---\nid: BIG\ntitle: Groß\nstatus: idea\nowner: FB Digitalisierung\nfield: verwaltung\n---\n\n${'Text. '.repeat(600)}\n`);
      const size = statSync(big).size;
      const tooLarge = (r: JsonReport) => r.findings.filter((f) => f.file === 'measures/big.md').map((f) => `${f.rule}: ${f.message}`);

      assert.deepEqual(tooLarge(lintJson(root).report), [], 'under the default limit (2M) the file is read');
      const limited = lintJson(root, ['--max-file-size', '2K', '--lang', 'en']);
      assert.deepEqual(tooLarge(limited.report), [`yaml-syntax: File too large (${size} bytes, limit 2048): not evaluated`]);
      assert.equal(limited.report.summary.measures, lintJson(root).report.summary.measures - 1, 'every other measure is still read');

      for (const bad of ['0', 'ten', '-1', '3G']) {
        const run = strategy(['lint', '--root', root, '--max-file-size', bad]);
        assert.equal(run.status, 2, `--max-file-size ${bad}`);
        assert.match(run.stderr, /^strategy: --max-file-size: erwartet eine Größe in Bytes \(oder mit K oder M\), nicht „[^“]*“\n$/);
      }
    });

    it('--lang chooses the message language over strategy.yaml', () => {
      const rule = RULES_BY_ID.get('owner-missing')!;
      const de = lintJson(fixture('warnings'));
      const en = lintJson(fixture('warnings'), ['--lang', 'en']);
      assert.equal(de.report.findings[0].message, rule.messages.missing.de);
      assert.equal(en.report.findings[0].message, rule.messages.missing.en);
      assert.notEqual(rule.messages.missing.de, rule.messages.missing.en);

      const english = join(tmp, 'english');
      cpSync(fixture('warnings'), english, { recursive: true });
      writeFileSync(join(english, 'strategy.yaml'), readFileSync(join(english, 'strategy.yaml'), 'utf8') + 'language: en\n');
      assert.equal(lintJson(english).report.findings[0].message, rule.messages.missing.en);
      assert.equal(lintJson(english, ['--lang', 'de']).report.findings[0].message, rule.messages.missing.de);
      assert.match(strategy(['lint', '--root', english, '--as-of', AS_OF]).stdout, /\d+ warnings/);
      assert.match(strategy(['lint', '--root', english, '--as-of', AS_OF, '--lang', 'de']).stdout, /\d+ Warnungen/);
    });

    it('--as-of decides date-based results (waiver expiry)', () => {
      const before = lintJson(fixture('waivers'), ['--as-of', '2026-03-31']).report;
      assert.equal(before.asOf, '2026-03-31');
      assert.deepEqual(before.findings, []);
      assert.equal(before.waived.length, 1);
      const after = lintJson(fixture('waivers'), ['--as-of', '2026-04-01']).report;
      assert.equal(after.asOf, '2026-04-01');
      assert.deepEqual(after.findings.map((f) => f.rule).sort(), ['owner-missing', 'waiver-expired']);
      assert.equal(after.waived.length, 0);
      const until = positionOf(fixture('waivers/measures/waived.yaml'), '2026-03-31');
      const expired = after.findings.find((f) => f.rule === 'waiver-expired')!;
      assert.deepEqual([expired.line, expired.column], [until.line, until.column]);
    });

    it('--as-of decides date-based results (milestone-overdue)', function () {
      const overdue = (asOf: string) => lintJson(fixture('milestones'), ['--as-of', asOf]).report.findings.filter((f) => f.rule === 'milestone-overdue');
      assert.deepEqual(overdue('2026-05-15'), []);
      const late = overdue('2026-05-16');
      assert.equal(late.length, 1);
      assert.equal(late[0].measure, 'FACHVERFAHREN');
    });

    it('--output writes the file atomically, and nothing to stdout', () => {
      const out = join(tmp, 'reports', 'nested', 'lint.json');
      const r = strategy(['lint', '--root', fixture('errors'), '--format', 'json', '--as-of', AS_OF, '--output', out]);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
      const written = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
      assert.equal(written.summary.errors, 1);
      assert.deepEqual(readdirSync(join(tmp, 'reports', 'nested')), ['lint.json'], 'no temporary file left beside it');
      // Replacing an existing file works the same way.
      assert.equal(strategy(['lint', '--root', fixture('clean'), '--format', 'json', '--as-of', AS_OF, '--output', out]).status, 0);
      assert.equal((JSON.parse(readFileSync(out, 'utf8')) as JsonReport).summary.errors, 0);
      assert.deepEqual(readdirSync(join(tmp, 'reports', 'nested')), ['lint.json']);
    });

    it('never writes into the strategy repository', () => {
      for (const name of ['errors', 'broken']) {
        const before = snapshot(fixture(name));
        for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
          strategy(['lint', '--format', format, '--as-of', AS_OF], { cwd: fixture(name) });
          strategy(['lint', '--root', fixture(name), '--format', format, '--output', join(tmp, `out.${format}`)]);
        }
        assert.deepEqual(snapshot(fixture(name)), before, name);
      }
    });
  });

  describe('colour', () => {
    const stylish = (env: Record<string, string>) => strategy(['lint', '--root', fixture('errors'), '--as-of', AS_OF], { env }).stdout;
    it('no ANSI escapes when stdout is not a terminal, or with NO_COLOR', () => {
      assert.doesNotMatch(stylish({}), /\u001b/);
      assert.doesNotMatch(stylish({ NO_COLOR: '1' }), /\u001b/);
      assert.doesNotMatch(stylish({ NO_COLOR: '1', FORCE_COLOR: '1' }), /\u001b/);
      // The check above can fail: colour is there when forced.
      assert.match(stylish({ FORCE_COLOR: '1' }), /\u001b\[31m/);
    });

    it('user text cannot put escape sequences on the terminal', () => {
      const dir = hostileRepo();
      const out = strategy(['lint', '--as-of', AS_OF], { cwd: dir }).stdout;
      assert.doesNotMatch(out, /[\u0000-\u0008\u000B-\u001F\u007F]/);
      assert.match(out, /\\u001b\[31m/, 'the escape is shown, not executed');
    });
  });

  describe('broken files', () => {
    it('a file with bad YAML is a finding; the other files are still linted', () => {
      const { run, report } = lintJson(fixture('broken'));
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
      const syntax = report.findings.filter((f) => f.rule === 'yaml-syntax');
      assert.ok(syntax.length >= 1);
      assert.ok(syntax.every((f) => f.file === 'measures/broken.yaml' && f.severity === 'error'));
      assert.ok(report.findings.some((f) => f.file === 'measures/intact.md' && f.rule === 'owner-missing' && f.measure === 'INTACT'));
      assert.equal(report.summary.files, 3);
    });
  });
});
