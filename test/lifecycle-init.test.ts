// `strategy init` as a process: what a new repository contains, that it lints clean, that it
// never overwrites, and that its CI and editor files fit together.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import Ajv from 'ajv';
import { ALL_RULES, todayUtc } from '../strategy/index';
import { loadWorkspace } from '../cli/load';
import { planFiles } from '../cli/commands/init';
import { version as packageVersion } from '../package.json';
import { PROJECT, assertOneLineError, buildCli, snapshot, strategy, tempDir } from './lifecycle-helpers';

interface JsonReport {
  asOf: string;
  summary: { errors: number; warnings: number; infos: number; measures: number };
  findings: Array<{ file: string; line: number; rule: string; severity: string; message: string }>;
}

const lintJson = (root: string, extra: string[] = []) => {
  const r = strategy(['lint', '--root', root, '--format', 'json', ...extra]);
  assert.ok(r.status === 0 || r.status === 1, `lint exit ${r.status}: ${r.stderr}`);
  return { status: r.status, report: JSON.parse(r.stdout) as JsonReport };
};

const describeFindings = (report: JsonReport) => report.findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule}: ${f.message}`).join('\n');

/** Front matter of a Markdown measure as data. */
const frontMatter = (text: string) => parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]) as Record<string, unknown>;

function filesBelow(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesBelow(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

describe('strategy init (CLI process)', function () {
  this.timeout(120_000);
  let tmp: string;

  before(() => {
    buildCli();
    tmp = tempDir();
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('a new repository (German, the default)', () => {
    let repo: string;
    let run: ReturnType<typeof strategy>;
    before(() => {
      repo = join(tmp, 'neu', 'stadt');
      run = strategy(['init', repo]);
    });

    it('exits 0, lists the created files on stdout and says what to do next on stderr', () => {
      assert.equal(run.status, 0, run.stderr);
      // Paths on stdout are relative to the working folder (the project, see `strategy()`).
      const listed = run.stdout.trim().split('\n').map((l) => resolve(PROJECT, l));
      assert.deepEqual([...listed].sort(), filesBelow(repo).map((f) => join(repo, f)).sort());
      assert.match(run.stderr, /strategy lint/);
    });

    it('holds strategy.yaml, catalogues, two example measures (one AI initiative), README, CI and editor files', () => {
      const files = filesBelow(repo);
      for (const f of ['strategy.yaml', 'funding.yaml', 'partners.yaml', 'README.md', '.github/workflows/strategy.yml', '.gitlab-ci.yml', '.vscode/extensions.json', '.vscode/settings.json']) {
        assert.ok(files.includes(f), `${f} missing in ${files.join(', ')}`);
      }
      const measures = files.filter((f) => f.startsWith('measures/') && f.endsWith('.md')).map((f) => frontMatter(readFileSync(join(repo, f), 'utf8')));
      assert.equal(measures.length, 2);
      assert.equal(measures.filter((m) => m.ai).length, 1, 'exactly one example AI initiative');
    });

    it('strategy.yaml has title, organisation, language, horizon, fields, goals and ai_literacy', () => {
      const s = parseYaml(readFileSync(join(repo, 'strategy.yaml'), 'utf8')) as Record<string, any>;
      for (const key of ['title', 'organisation', 'horizon', 'ai_literacy']) assert.ok(s[key], `${key} missing`);
      assert.equal(s.language, 'de');
      assert.ok(s.fields.length >= 2 && s.goals.length >= 2);
      assert.ok(String(s.ai_literacy.description).length > 20);
      // Every goal belongs to a declared field.
      const fields = new Set(s.fields.map((f: { id: string }) => f.id));
      for (const g of s.goals) assert.ok(fields.has(g.field), `goal ${g.id} in unknown field ${g.field}`);
    });

    it('funding.yaml names programmes with provider and body; partners.yaml names partners with kind', () => {
      const f = parseYaml(readFileSync(join(repo, 'funding.yaml'), 'utf8')) as { programmes: Array<Record<string, string>> };
      assert.ok(f.programmes.length >= 4);
      for (const p of f.programmes) {
        assert.ok(p.name && p.provider && p.body, `programme ${p.id} lacks name, provider or body`);
        if (p.url) assert.match(p.url, /^https:\/\//);
      }
      assert.ok(f.programmes.some((p) => p.provider === 'eu') && f.programmes.some((p) => p.provider === 'federal'));
      const p = parseYaml(readFileSync(join(repo, 'partners.yaml'), 'utf8')) as { partners: Array<Record<string, string>> };
      assert.ok(p.partners.length >= 2);
      for (const x of p.partners) assert.ok(x.name && x.kind);
    });

    it('leaves no template placeholder behind', () => {
      for (const f of filesBelow(repo)) assert.doesNotMatch(readFileSync(join(repo, f), 'utf8'), /\{\{\w+\}\}/, f);
    });

    it('the examples claim nothing: no finished DPIA, no DPO consultation, no date of the day of init', () => {
      for (const f of filesBelow(repo).filter((p) => p.startsWith('measures/'))) {
        const text = readFileSync(join(repo, f), 'utf8');
        const data = frontMatter(text) as { privacy?: Record<string, unknown> };
        assert.notEqual(data.privacy?.dpia, 'done', f);
        assert.equal(data.privacy?.dpia_date, undefined, f);
        assert.equal(data.privacy?.dpo_consulted, undefined, f);
        assert.ok(!text.includes(todayUtc(new Date())), `${f} names the day of init`);
      }
    });

    it('lints clean today: exit 0 and no finding at all', () => {
      const { status, report } = lintJson(repo);
      assert.equal(report.asOf, todayUtc(new Date()));
      assert.equal(status, 0);
      assert.equal(report.findings.length, 0, describeFindings(report));
      assert.equal(report.summary.measures, 2);
    });

    it('lints with exit 0 and no error on the AI Act dates (2026-08-02, 2030-08-02)', () => {
      for (const asOf of ['2026-08-02', '2030-08-02']) {
        const { status, report } = lintJson(repo, ['--as-of', asOf]);
        assert.equal(status, 0, `as of ${asOf}:\n${describeFindings(report)}`);
        assert.equal(report.summary.errors, 0);
      }
    });

    it('lints clean with the real CLI in stylish format (exit 0, nothing on stderr)', () => {
      const r = strategy(['lint'], { cwd: repo });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(r.stderr, '');
    });

    it('GitHub workflow: the action pinned to this version, SARIF in the runner temp folder and uploaded (run as a runner would: test/ci.test.ts)', () => {
      const wf = parseYaml(readFileSync(join(repo, '.github/workflows/strategy.yml'), 'utf8')) as Record<string, any>;
      assert.ok(wf.on.push !== undefined && wf.on.pull_request !== undefined);
      assert.equal(wf.permissions['security-events'], 'write');
      const steps: Array<Record<string, any>> = Object.values(wf.jobs as Record<string, { steps: Array<Record<string, any>> }>)[0].steps;
      const lint = steps.find((s) => String(s.uses ?? '').startsWith('digital-strategy-roadmap/digital-strategy-roadmap@'));
      assert.equal(lint?.uses, `digital-strategy-roadmap/digital-strategy-roadmap@v${packageVersion}`);
      assert.equal(lint!.with.sarif, '${{ runner.temp }}/strategy.sarif');
      const upload = steps.find((s) => String(s.uses ?? '').startsWith('github/codeql-action/upload-sarif@'));
      assert.ok(upload, 'no upload-sarif step');
      assert.equal(upload!.with.sarif_file, lint!.with.sarif);
      assert.match(upload!.if, /always\(\)/, 'uploads after findings too');
      assert.ok(steps.indexOf(lint!) < steps.indexOf(upload!));
      assert.ok(!steps.some((s) => /npm (install|i) /.test(String(s.run ?? ''))), 'no npm install');
    });

    it('GitLab CI: includes the template at this version, with the same STRATEGY_VERSION (run as a runner would: test/ci.test.ts)', () => {
      const ci = parseYaml(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')) as Record<string, any>;
      assert.deepEqual(ci.include, [{ remote: `https://raw.githubusercontent.com/digital-strategy-roadmap/digital-strategy-roadmap/v${packageVersion}/ci/gitlab/strategy-lint.yml` }]);
      assert.equal(ci['strategy-lint'].variables.STRATEGY_VERSION, `v${packageVersion}`);
    });

    it('VS Code: recommends the extension and maps every YAML file kind to a schema copy that exists', () => {
      const ext = JSON.parse(readFileSync(join(repo, '.vscode/extensions.json'), 'utf8'));
      assert.ok(ext.recommendations.includes('digital-strategy-roadmap.digital-strategy-roadmap'));
      const settings = JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8'));
      const schemas = settings['yaml.schemas'] as Record<string, string[]>;
      const patterns = Object.values(schemas).flat();
      for (const f of ['strategy.yaml', 'funding.yaml', 'partners.yaml']) assert.ok(patterns.includes(f), `${f} not mapped`);
      assert.ok(patterns.some((p) => p.startsWith('measures/')));
      for (const path of Object.keys(schemas)) {
        assert.ok(existsSync(join(repo, path)), `${path} does not exist`);
        assert.ok(JSON.parse(readFileSync(join(repo, path), 'utf8')).$schema);
      }
      // Ids like KI-WOHNGELD are one word on double-click in this repository's YAML and Markdown (docs/vscode.md).
      for (const lang of ['[markdown]', '[yaml]']) {
        const separators = settings[lang]?.['editor.wordSeparators'] as string;
        assert.ok(separators && !separators.includes('-') && separators.includes('/') && separators.includes(':'), `${lang}: ${separators}`);
      }
    });

    it('the schema copies accept the files they are mapped to (and the measures)', () => {
      const dir = join(repo, '.strategy/schema');
      const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
      ajv.addVocabulary(['x-kind']);
      for (const name of readdirSync(dir)) ajv.addSchema(JSON.parse(readFileSync(join(dir, name), 'utf8')), name);
      const settings = JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8'))['yaml.schemas'] as Record<string, string[]>;
      for (const [schemaPath, patterns] of Object.entries(settings)) {
        const validate = ajv.getSchema(schemaPath.split('/').pop()!)!;
        for (const file of patterns.filter((p) => !p.includes('*'))) {
          assert.ok(validate(parseYaml(readFileSync(join(repo, file), 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`);
        }
      }
      const measure = ajv.getSchema('measure.schema.json')!;
      for (const f of readdirSync(join(repo, 'measures'))) {
        assert.ok(measure(frontMatter(readFileSync(join(repo, 'measures', f), 'utf8'))), `${f}: ${JSON.stringify(measure.errors)}`);
      }
    });
  });

  describe('never overwrites', () => {
    it('an existing strategy.yaml: exit 2, one line on stderr, nothing changed', () => {
      const repo = join(tmp, 'vorhanden');
      mkdirSync(join(repo, 'measures'), { recursive: true });
      writeFileSync(join(repo, 'strategy.yaml'), 'schema: 1\ntitle: Alt\norganisation: Alt\n');
      writeFileSync(join(repo, 'measures', 'alt.md'), '---\nid: ALT\ntitle: Alt\nstatus: idea\n---\n');
      const before = snapshot(repo);
      const r = strategy(['init', repo]);
      assert.equal(r.status, 2);
      assertOneLineError(r.stderr);
      assert.match(r.stderr, /strategy\.yaml/);
      assert.equal(r.stdout, '');
      assert.deepEqual(snapshot(repo), before);
    });

    it('an existing strategy.yaml in the current folder (init without DIR)', () => {
      const repo = join(tmp, 'hier');
      mkdirSync(repo);
      writeFileSync(join(repo, 'strategy.yaml'), 'title: Alt\n');
      const before = snapshot(repo);
      const r = strategy(['init'], { cwd: repo });
      assert.equal(r.status, 2);
      assert.deepEqual(snapshot(repo), before);
    });

    it('other existing files are kept byte for byte and reported; the rest is created', () => {
      const repo = join(tmp, 'teilweise');
      const keep: Record<string, string> = {
        'README.md': '# Unsere Strategie\n\nEigener Text.\n',
        '.vscode/settings.json': '{ "editor.tabSize": 2 }\n',
        '.gitignore': 'node_modules\n',
      };
      for (const [f, content] of Object.entries(keep)) {
        mkdirSync(dirname(join(repo, f)), { recursive: true });
        writeFileSync(join(repo, f), content);
      }
      const r = strategy(['init', repo]);
      assert.equal(r.status, 0, r.stderr);
      for (const [f, content] of Object.entries(keep)) {
        assert.equal(readFileSync(join(repo, f), 'utf8'), content, `${f} was changed`);
        assert.ok(r.stderr.includes(f), `${f} not reported as skipped`);
        assert.ok(!r.stdout.includes(f), `${f} listed as created`);
      }
      assert.ok(existsSync(join(repo, 'strategy.yaml')));
      assert.ok(existsSync(join(repo, '.vscode/extensions.json')));
    });

    it('a second init in the same folder: exit 2 and nothing changed', () => {
      const repo = join(tmp, 'zweimal');
      assert.equal(strategy(['init', repo]).status, 0);
      const before = snapshot(repo);
      const r = strategy(['init', repo]);
      assert.equal(r.status, 2);
      assertOneLineError(r.stderr);
      assert.deepEqual(snapshot(repo), before);
    });

    it('DIR that is a file: exit 2', () => {
      const file = join(tmp, 'datei.txt');
      writeFileSync(file, 'x');
      const r = strategy(['init', file]);
      assert.equal(r.status, 2);
      assertOneLineError(r.stderr);
      assert.equal(readFileSync(file, 'utf8'), 'x');
    });
  });

  describe('--lang en', () => {
    let repo: string;
    before(() => {
      repo = join(tmp, 'english');
      assert.equal(strategy(['init', '--lang', 'en', repo]).status, 0);
    });

    it('writes English templates', () => {
      const s = parseYaml(readFileSync(join(repo, 'strategy.yaml'), 'utf8')) as Record<string, any>;
      assert.equal(s.language, 'en');
      const readme = readFileSync(join(repo, 'README.md'), 'utf8');
      assert.match(readme, /^# Digital strategy as code/);
      assert.doesNotMatch(readme, /Maßnahme|Förder/);
      const wf = readFileSync(join(repo, '.github/workflows/strategy.yml'), 'utf8');
      assert.doesNotMatch(wf, /[äöüß„“]/);
    });

    it('lints clean today, with English messages', () => {
      const { status, report } = lintJson(repo);
      assert.equal(status, 0);
      assert.equal(report.findings.length, 0, describeFindings(report));
      const r = strategy(['lint'], { cwd: repo });
      assert.match(r.stdout, /0 errors, 0 warnings/);
    });
  });

  describe('reproducible: the templates for a fixed day lint clean on that day (in-process)', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const day of ['2026-03-01', '2026-12-31', '2029-06-15']) {
        it(`${lang}, created and linted on ${day}`, () => {
          const repo = join(tmp, `fixed-${lang}-${day}`);
          for (const { path, content } of planFiles(lang, new Date(`${day}T12:00:00Z`))) {
            mkdirSync(dirname(join(repo, path)), { recursive: true });
            writeFileSync(join(repo, path), content);
          }
          const result = loadWorkspace(repo).lint({ asOf: day });
          assert.deepEqual(
            result.findings.map((f) => `${f.file}:${f.range.start.line} ${f.rule} ${f.message.en}`),
            [],
          );
          assert.equal(result.model.measures.length, 2);
          // The rules the examples exercise exist (a guard against linting with an empty rule set).
          assert.ok(ALL_RULES.length > 20);
        });
      }
    }
  });
});
