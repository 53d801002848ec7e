// The lint formats as functions from a result to text (cli/format/*), tested on results built by
// hand – as Spectral tests its formatters: several files, every severity, one-character, empty and
// multi-line ranges, related locations, waivers, hostile text and no findings at all. Each output
// is read back (JSON, XML, SARIF, workflow commands) and compared field by field.
import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import { sep } from 'node:path';
import { parseXml } from './helpers/xml';
import { formatStylish } from '../cli/format/stylish';
import { formatJson } from '../cli/format/json';
import { formatJunit } from '../cli/format/junit';
import { formatSarif } from '../cli/format/sarif';
import { formatGithub } from '../cli/format/github';
import { formatCodeQuality } from '../cli/format/codequality';
import type { FormatContext, FormatResult } from '../cli/format/types';
import { ciSafe } from '../cli/ci-safe';
import { ALL_RULES, type Finding, type Range, type Severity } from '../strategy/index';

const ROOT = `${sep}work${sep}stadt`;

function range(startLine: number, startColumn: number, endLine: number, endColumn: number): Range {
  return { start: { line: startLine, column: startColumn, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } };
}

function finding(rule: string, severity: Severity, file: string, at: Range, text: string, extra: Partial<Finding> = {}): Finding {
  return { rule, severity, file, range: at, message: { de: `DE: ${text}`, en: text }, ...extra };
}

/** Text a repository may hold: line breaks, CI commands, a terminal escape, Markdown, XML, workflow-command escapes. */
const HOSTILE = 'first line\nsecond ::error file=x::boom\r\n##[group]grouped \u001b[31mred\u001b[0m [link](javascript:alert(1)) <b>&amp;</b> "q" 100%25 a,b:c';
const LONG_ID = 'ID-' + 'X'.repeat(2000) + '[]';
const SHORT_LONG_ID = LONG_ID.slice(0, 79) + '…';

const related = { file: 'strategy.yaml', range: range(12, 3, 12, 20), message: { de: 'hier angegeben', en: 'stated here [see]' } };

/** Three files with findings, one without; sorted as a lint returns them. */
function sample(): FormatResult {
  return {
    findings: [
      finding('funding-missing', 'error', 'measures/a.yaml', range(3, 5, 3, 12), 'No funding stated', { measure: 'A-1', related: [related] }),
      finding('owner-missing', 'warning', 'measures/a.yaml', range(7, 1, 9, 4), 'No owner', { measure: 'A-1' }),
      finding('not-anchored', 'info', 'measures/b c#?.md', range(1, 1, 1, 1), HOSTILE, { measure: LONG_ID }),
      finding('unknown-rule', 'error', 'strategy.yaml', range(10, 5, 10, 17), 'Unknown rule "owner-mising"'),
    ],
    waived: [
      finding('dpia-missing', 'warning', 'measures/a.yaml', range(5, 3, 5, 9), 'No DPIA', {
        measure: 'A-1',
        waiver: { reason: 'DSFA folgt\n::warning::nachher', until: '2027-01-01', by: 'Amt 10' },
      }),
    ],
    asOf: '2026-11-26',
    lang: 'en',
    files: ['measures/a.yaml', 'measures/b c#?.md', 'measures/clean.yaml', 'strategy.yaml'],
    measureCount: 3,
    configuredRules: { 'owner-missing': 'off', 'funding-missing': 'info' },
  };
}

function empty(): FormatResult {
  return { findings: [], waived: [], asOf: '2026-11-26', lang: 'de', files: ['strategy.yaml'], measureCount: 0, configuredRules: {} };
}

function ctx(result: FormatResult, over: Partial<FormatContext> = {}): FormatContext {
  return { result, root: ROOT, rootLabel: '.', color: false, quiet: false, ...over };
}

// --- readers ---------------------------------------------------------------------------------


/** A GitHub workflow command line, its escapes undone. */
function parseCommand(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, `a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2].split(',').map((p) => {
    const eq = p.indexOf('=');
    return [p.slice(0, eq), unescape(p.slice(eq + 1))];
  }));
  return { command: m[1], props, message: unescape(m[3]) };
}

// --- the formats -------------------------------------------------------------------------------

describe('lint formats on constructed results', () => {
  describe('stylish', () => {
    it('groups by file, one line per finding, then the summary (counted from every finding)', () => {
      const lines = formatStylish(ctx(sample())).split('\n');
      assert.deepEqual(lines.slice(0, 4), ['measures/a.yaml', '  3:5      error    [A-1] No funding stated  funding-missing', '  7:1      warning  [A-1] No owner  owner-missing', '']);
      assert.equal(lines[4], 'measures/b c#?.md');
      assert.deepEqual(lines.slice(6), ['', 'strategy.yaml', '  10:5     error    Unknown rule "owner-mising"  unknown-rule', '', '2 errors, 1 warning, 1 info, 1 waived – 3 measures in 4 files (as of 2026-11-26)', '']);
    });

    it('keeps hostile text on one line with no escape sequence of its own, and shortens a long id', () => {
      const line = formatStylish(ctx(sample())).split('\n')[5];
      assert.ok(line.startsWith(`  1:1      info     [${SHORT_LONG_ID}] first line second ::error`), line);
      assert.ok(!/[\u0000-\u001f\u007f]/.test(line), 'no control character (ESC, CR, LF) left');
      assert.ok(line.includes('\\u001b[31mred\\u001b[0m'), 'the escape is shown, not obeyed');
      assert.ok(line.endsWith('  not-anchored'));
      // The command applies ciSafe: no `##[` (GitHub/Azure log command) is left.
      assert.ok(!ciSafe(line).includes('##['));
    });

    it('colours severities only with colour on; quiet shows errors only; no findings: the summary alone', () => {
      const coloured = formatStylish(ctx(sample(), { color: true }));
      assert.ok(coloured.includes('\u001b[31merror  \u001b[39m') && coloured.includes('\u001b[4mmeasures/a.yaml\u001b[24m'));
      assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), formatStylish(ctx(sample())));
      const quiet = formatStylish(ctx(sample(), { quiet: true }));
      assert.ok(!quiet.includes('owner-missing') && !quiet.includes('not-anchored') && quiet.includes('unknown-rule'));
      assert.equal(formatStylish(ctx(empty())), '0 Fehler, 0 Warnungen, 0 Hinweise, 0 per Ausnahme zurückgestellt – 0 Maßnahmen in 1 Datei (Stichtag 2026-11-26)\n');
    });
  });

  describe('json', () => {
    it('is the stable JSON of SPEC §5.1: every field of every finding and waiver', () => {
      const out = JSON.parse(formatJson(ctx(sample(), { rootLabel: 'strategie' })));
      assert.deepEqual(out.summary, { errors: 2, warnings: 1, infos: 1, waived: 1, files: 4, measures: 3 });
      assert.deepEqual([out.version, out.root, out.asOf], [1, 'strategie', '2026-11-26']);
      assert.deepEqual(out.findings[0], { file: 'measures/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 12, severity: 'error', rule: 'funding-missing', measure: 'A-1', message: 'No funding stated' });
      assert.deepEqual(out.findings[1], { file: 'measures/a.yaml', line: 7, column: 1, endLine: 9, endColumn: 4, severity: 'warning', rule: 'owner-missing', measure: 'A-1', message: 'No owner' });
      assert.deepEqual(out.findings[2], { file: 'measures/b c#?.md', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', rule: 'not-anchored', measure: SHORT_LONG_ID, message: HOSTILE });
      assert.equal('measure' in out.findings[3], false, 'no measure: no key');
      assert.deepEqual(out.waived, [
        { file: 'measures/a.yaml', line: 5, column: 3, endLine: 5, endColumn: 9, severity: 'warning', rule: 'dpia-missing', measure: 'A-1', message: 'No DPIA', reason: 'DSFA folgt\n::warning::nachher', until: '2027-01-01', by: 'Amt 10' },
      ]);
    });

    it('reads back the same after the command makes it CI-safe; quiet and empty results', () => {
      const out = formatJson(ctx(sample()));
      const safe = ciSafe(out, 'json');
      assert.ok(!safe.includes('##['));
      assert.deepEqual(JSON.parse(safe), JSON.parse(out));
      assert.deepEqual(
        JSON.parse(formatJson(ctx(sample(), { quiet: true }))).findings.map((f: { rule: string }) => f.rule),
        ['funding-missing', 'unknown-rule'],
      );
      const none = JSON.parse(formatJson(ctx(empty())));
      assert.deepEqual([none.findings, none.waived, none.summary], [[], [], { errors: 0, warnings: 0, infos: 0, waived: 0, files: 1, measures: 0 }]);
    });
  });

  describe('junit', () => {
    it('one test case per file read; a file with errors fails once per error; the rest in system-out', () => {
      const suites = parseXml(formatJunit(ctx(sample())));
      assert.equal(suites.name, 'testsuites');
      assert.deepEqual([suites.attributes.tests, suites.attributes.failures], ['4', '2']);
      const [suite] = suites.children;
      assert.deepEqual(suite.attributes, { name: 'strategy lint', tests: '4', failures: '2', errors: '0', skipped: '0', timestamp: '2026-11-26T00:00:00' });
      const cases = suite.children.map((c) => ({
        name: c.attributes.name,
        file: c.attributes.file,
        failures: c.children.filter((x) => x.name === 'failure').map((x) => [x.attributes.type, x.attributes.message, x.text]),
        out: c.children.find((x) => x.name === 'system-out')?.text,
      }));
      assert.deepEqual(cases, [
        { name: 'measures/a.yaml', file: 'measures/a.yaml', failures: [['funding-missing', 'No funding stated', 'measures/a.yaml:3:5 error funding-missing [A-1]: No funding stated']], out: 'measures/a.yaml:7:1 warning owner-missing [A-1]: No owner' },
        { name: 'measures/b c#?.md', file: 'measures/b c#?.md', failures: [], out: `measures/b c#?.md:1:1 info not-anchored [${SHORT_LONG_ID}]: ${HOSTILE.replace(/\u001b/g, '')}` },
        { name: 'measures/clean.yaml', file: 'measures/clean.yaml', failures: [], out: undefined },
        { name: 'strategy.yaml', file: 'strategy.yaml', failures: [['unknown-rule', 'Unknown rule "owner-mising"', 'strategy.yaml:10:5 error unknown-rule: Unknown rule "owner-mising"']], out: undefined },
      ]);
    });

    it('keeps line breaks in attributes, drops what XML cannot carry, and reads back the same when CI-safe', () => {
      const result = sample();
      result.findings = [finding('schema', 'error', 'measures/a.yaml', range(1, 1, 1, 2), 'a\nb\tc\u0007d\uD800e', { measure: 'A-1' })];
      const out = formatJunit(ctx(result));
      const failure = parseXml(out).children[0].children[0].children[0];
      assert.equal(failure.attributes.message, 'a\nb\tcde');
      const safe = ciSafe(formatJunit(ctx(sample())), 'xml');
      assert.ok(!safe.includes('##[') && !/^[ \t]*::/m.test(safe));
      assert.deepEqual(parseXml(safe), parseXml(formatJunit(ctx(sample()))));
    });

    it('with no findings every file passes', () => {
      const suites = parseXml(formatJunit(ctx(empty())));
      assert.deepEqual([suites.attributes.tests, suites.attributes.failures], ['1', '0']);
      assert.deepEqual(suites.children[0].children.map((c) => [c.attributes.name, c.children.length]), [['strategy.yaml', 0]]);
    });
  });

  describe('sarif', () => {
    const log = (result = sample(), over: Partial<FormatContext> = {}) => JSON.parse(formatSarif(ctx(result, over)));

    it('one result per finding and per waived finding (suppressed), with rule index, level, region and measure', () => {
      const run = log().runs[0];
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.equal(run.originalUriBaseIds.SRCROOT.uri, pathToFileURL(ROOT + sep).href);
      const results = run.results;
      assert.deepEqual(
        results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]),
        [
          ['funding-missing', 'error'],
          ['owner-missing', 'warning'],
          ['not-anchored', 'note'],
          ['unknown-rule', 'error'],
          ['dpia-missing', 'warning'],
        ],
      );
      for (const r of results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      assert.deepEqual(results[0].locations[0].physicalLocation, { artifactLocation: { uri: 'measures/a.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 12 } });
      assert.deepEqual(results[1].locations[0].physicalLocation.region, { startLine: 7, startColumn: 1, endLine: 9, endColumn: 4 });
      // An empty range still covers one column; a path's `#`, `?` and space stay part of it.
      assert.deepEqual(results[2].locations[0].physicalLocation, { artifactLocation: { uri: 'measures/b%20c%23%3F.md', uriBaseId: 'SRCROOT' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } });
      assert.deepEqual(results[0].properties, { measure: 'A-1' });
      assert.deepEqual(results[2].properties, { measure: SHORT_LONG_ID });
      assert.equal(results[3].properties, undefined);
      assert.deepEqual(results[0].relatedLocations, [
        { id: 1, message: { text: 'stated here \\[see\\]' }, physicalLocation: { artifactLocation: { uri: 'strategy.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 20 } } },
      ]);
      assert.deepEqual(results[4].suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'DSFA folgt\n::warning::nachher' }]);
      assert.ok(results.slice(0, 4).every((r: { suppressions?: unknown }) => r.suppressions === undefined));
    });

    it('escapes brackets in messages (no embedded links from user text) and keeps the rest as it is', () => {
      const text = log().runs[0].results[2].message.text;
      assert.equal(text, HOSTILE.replace(/[[\]]/g, '\\$&'));
    });

    it('describes every rule, with the level configured in lint.rules (off: disabled)', () => {
      const rules = log().runs[0].tool.driver.rules;
      assert.deepEqual(
        rules.map((r: { id: string }) => r.id),
        ALL_RULES.map((r) => r.id),
      );
      const byId = new Map(rules.map((r: { id: string }) => [r.id, r]));
      assert.deepEqual((byId.get('owner-missing') as { defaultConfiguration: unknown }).defaultConfiguration, { enabled: false });
      assert.deepEqual((byId.get('funding-missing') as { defaultConfiguration: unknown }).defaultConfiguration, { level: 'note' });
      assert.deepEqual((byId.get('unknown-rule') as { defaultConfiguration: unknown; name: string }).name, 'UnknownRule');
      assert.equal((byId.get('schema') as { name?: string }).name, undefined, 'a one-word id has no name');
    });

    it('makes paths relative to the checkout when the root lies below it; quiet keeps errors and waived; empty: no results', () => {
      const run = log(sample(), { rootLabel: 'strategie', root: `${ROOT}${sep}strategie` }).runs[0];
      assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'strategie/measures/a.yaml');
      assert.equal(run.originalUriBaseIds.SRCROOT.uri, pathToFileURL(ROOT + sep).href);
      assert.deepEqual(
        log(sample(), { quiet: true }).runs[0].results.map((r: { ruleId: string }) => r.ruleId),
        ['funding-missing', 'unknown-rule', 'dpia-missing'],
      );
      const none = log(empty()).runs[0];
      assert.deepEqual(none.results, []);
      assert.equal(none.tool.driver.rules[0].shortDescription.text, ALL_RULES[0].description.de);
    });
  });

  describe('github', () => {
    it('one workflow command per finding, whatever the message holds; values read back unchanged', () => {
      const out = formatGithub(ctx(sample(), { rootLabel: 'strategie/' }));
      const lines = out.split('\n');
      assert.equal(lines.pop(), '', 'ends with a line break');
      assert.equal(lines.length, 4);
      const commands = lines.map(parseCommand);
      assert.deepEqual(commands[0], {
        command: 'error',
        props: { file: 'strategie/measures/a.yaml', line: '3', col: '5', endLine: '3', endColumn: '12', title: 'funding-missing (A-1)' },
        message: 'No funding stated',
      });
      assert.deepEqual(
        commands.map((c) => c.command),
        ['error', 'warning', 'notice', 'error'],
      );
      assert.deepEqual(commands[2].props, { file: 'strategie/measures/b c#?.md', line: '1', col: '1', endLine: '1', endColumn: '1', title: `not-anchored (${SHORT_LONG_ID})` });
      assert.equal(commands[2].message, HOSTILE);
      assert.equal(commands[3].props.title, 'unknown-rule');
    });

    it('escapes property separators in file names and titles', () => {
      const result = sample();
      result.findings = [finding('schema', 'warning', 'a,b:c%.yaml', range(1, 1, 1, 2), 'x', { measure: 'M,1::2' })];
      const [line] = formatGithub(ctx(result)).split('\n');
      assert.ok(line.startsWith('::warning file=a%2Cb%3Ac%25.yaml,'), line);
      assert.deepEqual(parseCommand(line).props.title, 'schema (M,1::2)');
    });

    it('prints nothing without findings; quiet prints errors only', () => {
      assert.equal(formatGithub(ctx(empty())), '');
      assert.deepEqual(
        formatGithub(ctx(sample(), { quiet: true })).trim().split('\n').map((l) => parseCommand(l).command),
        ['error', 'error'],
      );
    });
  });

  describe('codequality', () => {
    const issues = (result = sample(), over: Partial<FormatContext> = {}) => JSON.parse(formatCodeQuality(ctx(result, over)));

    it('one issue per finding with GitLab severity, path (below the checkout) and lines', () => {
      const out = issues(sample(), { rootLabel: 'strategie' });
      assert.deepEqual(
        out.map((i: Record<string, unknown>) => ({ ...i, fingerprint: undefined })),
        [
          { type: 'issue', check_name: 'funding-missing', description: 'No funding stated', severity: 'major', fingerprint: undefined, location: { path: 'strategie/measures/a.yaml', lines: { begin: 3, end: 3 } } },
          { type: 'issue', check_name: 'owner-missing', description: 'No owner', severity: 'minor', fingerprint: undefined, location: { path: 'strategie/measures/a.yaml', lines: { begin: 7, end: 9 } } },
          { type: 'issue', check_name: 'not-anchored', description: HOSTILE, severity: 'info', fingerprint: undefined, location: { path: 'strategie/measures/b c#?.md', lines: { begin: 1, end: 1 } } },
          { type: 'issue', check_name: 'unknown-rule', description: 'Unknown rule "owner-mising"', severity: 'major', fingerprint: undefined, location: { path: 'strategie/strategy.yaml', lines: { begin: 10, end: 10 } } },
        ],
      );
    });

    it('fingerprints: unique, kept when lines move, distinct for two equal findings', () => {
      const first = issues().map((i: { fingerprint: string }) => i.fingerprint);
      assert.ok(first.every((f: string) => /^[0-9a-f]{64}$/.test(f)));
      assert.equal(new Set(first).size, first.length);
      const moved = sample();
      moved.findings = moved.findings.map((f) => ({ ...f, range: range(f.range.start.line + 5, 1, f.range.end.line + 5, 2) }));
      assert.deepEqual(
        issues(moved).map((i: { fingerprint: string }) => i.fingerprint),
        first,
      );
      const twice = sample();
      twice.findings = [twice.findings[1], { ...twice.findings[1], range: range(20, 1, 20, 2) }];
      const [a, b] = issues(twice).map((i: { fingerprint: string }) => i.fingerprint);
      assert.notEqual(a, b);
      assert.equal(a, first[1]);
    });

    it('an empty list without findings', () => {
      assert.equal(formatCodeQuality(ctx(empty())), '[]\n');
    });
  });
});
