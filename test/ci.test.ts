// CI on the first push: the GitHub Action (action.yml) and the GitLab template
// (ci/gitlab/strategy-lint.yml) run the way a runner runs them – the bundled entry point with
// plain `node`, the environment a runner gives it – on a fresh `strategy init` repository.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Table } from 'mdast';
import { version as packageVersion } from '../package.json';
import { PROJECT, buildCli, snapshot, strategy, tempDir } from './lifecycle-helpers';

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

const action = parseYaml(readFileSync(join(PROJECT, 'action.yml'), 'utf8')) as ActionYaml;
const gitlab = parseYaml(readFileSync(join(PROJECT, 'ci/gitlab/strategy-lint.yml'), 'utf8')) as Record<string, { variables: Record<string, string>; before_script: string[]; script: string[]; artifacts: { when: string; reports: Record<string, string> } }>;

/** The action as checked out at a tag: action.yml and the bundle it names, built from this source. */
let tool: string;

function buildTool(): string {
  const dir = join(tempDir(), 'tool');
  mkdirSync(dir);
  copyFileSync(join(PROJECT, 'action.yml'), join(dir, 'action.yml'));
  const r = spawnSync(process.execPath, ['scripts/build-action.mjs', '--out', join(dir, action.runs.main)], { cwd: PROJECT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return dir;
}

function initRepo(parent = tempDir(), name = 'strategie'): string {
  const root = join(parent, name);
  const r = strategy(['init', root]);
  assert.equal(r.status, 0, r.stderr);
  return root;
}

interface RunnerResult {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  temp: string;
}

/**
 * Runs the action as the GitHub runner does: `node <runs.main>` of the action's checkout, every
 * input as INPUT_<NAME> (the default unless given), the workspace, temp folder, summary and
 * output files in GITHUB_* / RUNNER_* variables, and nothing else from this process's environment.
 */
function runAction(workspace: string, inputs: Record<string, string> = {}): RunnerResult {
  const temp = join(tempDir(), 'runner-temp');
  mkdirSync(temp);
  const summaryFile = join(temp, 'step_summary');
  const outputFile = join(temp, 'output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: temp, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile };
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = (inputs[name] ?? spec.default ?? '').replace(/\$\{\{ runner\.temp \}\}/g, temp);
  const r = spawnSync(process.execPath, [join(tool, action.runs.main)], { cwd: workspace, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summaryFile, 'utf8'), outputs, temp };
}

function edit(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${file}: ${from}`);
  writeFileSync(path, text.replace(from, to));
}

function summaryTable(markdown: string): string[][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const table = tree.children.find((n): n is Table => n.type === 'table');
  return table ? table.children.map((row) => row.children.map((c) => toString(c))) : [];
}

describe('CI: the GitHub Action and the GitLab template, run as a runner runs them', function () {
  this.timeout(180_000);
  before(() => {
    buildCli();
    tool = buildTool();
  });

  describe('GitHub Action (action.yml)', () => {
    it('is a node action whose entry point is the committed-at-release bundle, with the documented inputs', () => {
      assert.equal(action.runs.using, 'node24');
      assert.equal(action.runs.main, 'action/dist/index.js');
      assert.deepEqual(Object.keys(action.inputs).sort(), ['as-of', 'format', 'lang', 'max-warnings', 'root', 'sarif']);
      assert.deepEqual(Object.keys(action.outputs).sort(), ['errors', 'sarif', 'warnings']);
    });

    it('a fresh init repository, run with the workflow init wrote: green, SARIF in the runner temp folder, nothing written into the checkout', () => {
      const workspace = initRepo();
      const wf = parseYaml(readFileSync(join(workspace, '.github/workflows/strategy.yml'), 'utf8')) as { jobs: Record<string, { steps: Array<Record<string, any>> }> };
      const steps = Object.values(wf.jobs)[0].steps;
      const step = steps.find((s) => s.uses === `digital-strategy-roadmap/digital-strategy-roadmap@v${packageVersion}`);
      assert.ok(step, 'the workflow uses the action at this version');
      const before = snapshot(workspace);
      const run = runAction(workspace, step!.with);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.deepEqual(snapshot(workspace), before, 'nothing written into the checkout');
      const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'))!;
      const sarifFile = String(upload.with.sarif_file).replace('${{ runner.temp }}', run.temp);
      assert.equal(run.outputs.sarif, sarifFile);
      const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0].results.length, 0);
      assert.match(run.summary, /^## Strategie prüfen: bestanden\n/);
      assert.deepEqual([run.outputs.errors, run.outputs.warnings], ['0', '0']);
      assert.equal(run.stderr, '');
    });

    it('findings: annotations, SARIF results, a summary table with escaped values, exit code 1', () => {
      const parent = tempDir();
      const root = initRepo(parent);
      edit(root, 'measures/open-data-portal.md', 'cost: 120000\n', 'cost: 45.000\n');
      edit(root, 'measures/open-data-portal.md', 'goals: [Z-DATEN]\n', 'goals: [Z-DATEN, "a|b <script>x</script>"]\n');
      // The strategy in a subfolder of the checkout: paths in annotations and SARIF include it.
      const run = runAction(parent, { root: 'strategie', 'as-of': '2026-12-06' });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^::error file=strategie\/measures\/open-data-portal\.md,line=12,col=7,endLine=12,endColumn=13,title=amount-format \(OPEN-DATA-PORTAL\)::„45\.000“ wird als 45 gelesen/m);
      const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'));
      assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort(), ['amount-format', 'unknown-reference']);
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'strategie/measures/open-data-portal.md');
      assert.match(run.summary, /^## Strategie prüfen: nicht bestanden\n\n2 Fehler, 0 Warnungen, 0 Hinweise \(2026-12-06\)\./);
      const rows = summaryTable(run.summary);
      assert.equal(rows.length, 3);
      assert.deepEqual(rows[0], ['Datei', 'Schweregrad', 'Regel', 'Maßnahme', 'Befund']);
      const ref = rows.find((r) => r[2] === 'unknown-reference')!;
      assert.equal(ref.length, 5, 'a | in a value does not split the row');
      assert.match(ref[4], /„a\|b <script>x<\/script>“/, 'the value is text in its cell');
      assert.doesNotMatch(run.summary, /(?<!\\)<script>/, 'no raw HTML in the summary: `<` is escaped');
    });

    it('max-warnings, format and lang inputs; the exit code is the CLI\u2019s', () => {
      const root = initRepo();
      edit(root, 'measures/open-data-portal.md', 'owner: Stabsstelle Digitalisierung\n', '');
      const passing = runAction(root, { format: 'json', lang: 'en' });
      assert.equal(passing.status, 0, passing.stderr);
      assert.equal(JSON.parse(passing.stdout.slice(0, passing.stdout.indexOf('\n::'))).summary.warnings, 1);
      assert.match(passing.stdout, /^::warning file=measures\/open-data-portal\.md,.*::No responsible unit/m);
      const failing = runAction(root, { 'max-warnings': '0' });
      assert.equal(failing.status, 1);
      assert.match(failing.summary, /nicht bestanden/);
      assert.match(failing.stderr, /^strategy: 1 Warnungen überschreiten max-warnings 0$/m);
    });

    it('a wrong input: exit code 2 and one line, no stack trace', () => {
      const root = initRepo();
      for (const inputs of [{ 'as-of': 'tomorrow' }, { format: 'pdf' }, { 'max-warnings': 'many' }, { root: 'nowhere' }] as Array<Record<string, string>>) {
        const run = runAction(root, inputs);
        assert.equal(run.status, 2, JSON.stringify(inputs));
        assert.match(run.stderr, /^strategy: \S.*\n$/, JSON.stringify(inputs));
        assert.doesNotMatch(run.stderr, /expected|is not|not found/, 'German, as the repository');
      }
    });

    it('action/dist/index.js, where committed (release tags), is the bundle of this source', () => {
      const committed = join(PROJECT, action.runs.main);
      // On main the bundle is not committed (.gitignore); a release tag commits it (docs/ci.md).
      if (!existsSync(committed)) return;
      assert.ok(readFileSync(committed).equals(readFileSync(join(tool, action.runs.main))), `${action.runs.main} is stale: run npm run build:action`);
    });
  });

  it('README pins the action, the template and STRATEGY_VERSION to this version', () => {
    const readme = readFileSync(join(PROJECT, 'README.md'), 'utf8');
    const tags = [...readme.matchAll(/digital-strategy-roadmap@(v[\w.-]+)|digital-strategy-roadmap\/(v[\w.-]+)\/ci\/gitlab|STRATEGY_VERSION: (v[\w.-]+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    assert.equal(tags.length, 3);
    assert.deepEqual([...new Set(tags)], [`v${packageVersion}`]);
  });

  describe('GitLab template (ci/gitlab/strategy-lint.yml)', () => {
    const job = gitlab['strategy-lint'];

    it('fetches the tool at the pinned version tag and runs its bundled linter, no npm install', () => {
      assert.equal(job.variables.STRATEGY_VERSION, `v${packageVersion}`);
      assert.ok(job.before_script.some((l) => /git clone .*--depth 1 --branch "\$STRATEGY_VERSION"/.test(l)));
      assert.deepEqual(job.script, [`node "$STRATEGY_TOOL/${action.runs.main}"`]);
      assert.ok(![...job.before_script, ...job.script].some((l) => /npm /.test(l)));
      assert.equal(job.artifacts.when, 'always');
    });

    /**
     * The job's `script` in a shell, with the variables GitLab sets and the job's own (overridden by
     * the init repository's .gitlab-ci.yml). STRATEGY_TOOL is the tool built from this source: the
     * before_script's clone of the tag needs the network.
     */
    function runJob(project: string): { status: number | null; stdout: string; stderr: string } {
      const init = parseYaml(readFileSync(join(project, '.gitlab-ci.yml'), 'utf8')) as Record<string, { variables?: Record<string, string> }>;
      const variables = { ...job.variables, ...(init['strategy-lint']?.variables ?? {}), STRATEGY_TOOL: tool };
      const env = { PATH: process.env.PATH ?? '', HOME: project, CI: 'true', GITLAB_CI: 'true', CI_PROJECT_DIR: project, ...variables };
      const r = spawnSync('sh', ['-e', '-c', job.script.join('\n')], { cwd: project, env, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    }

    it('a fresh init repository: green, an empty code quality report, a JUnit report without failures', () => {
      const project = initRepo();
      const run = runJob(project);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /0 Fehler, 0 Warnungen/);
      assert.deepEqual(JSON.parse(readFileSync(join(project, job.artifacts.reports.codequality), 'utf8')), []);
      const junit = readFileSync(join(project, job.artifacts.reports.junit), 'utf8');
      assert.match(junit, /<testsuites[^>]* failures="0"/);
    });

    it('findings: the job fails, the code quality report and JUnit name file and line', () => {
      const project = initRepo();
      edit(project, 'measures/open-data-portal.md', 'cost: 120000\n', 'cost: 45.000\n');
      const run = runJob(project);
      assert.equal(run.status, 1);
      const issues = JSON.parse(readFileSync(join(project, job.artifacts.reports.codequality), 'utf8'));
      assert.equal(issues.length, 1);
      assert.equal(issues[0].check_name, 'amount-format');
      assert.equal(issues[0].severity, 'major');
      assert.deepEqual(issues[0].location, { path: 'measures/open-data-portal.md', lines: { begin: 12, end: 12 } });
      assert.match(issues[0].fingerprint, /^[0-9a-f]{64}$/);
      assert.match(readFileSync(join(project, job.artifacts.reports.junit), 'utf8'), /<testsuites[^>]* failures="1"/);
    });
  });
});
