// `strategy new measure`: the file it writes, the id it derives, what it refuses, the questions
// it asks on a terminal, and that lint reads the new file.
import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Heading } from 'mdast';
import { runNew } from '../cli/commands/new';
import { LIFECYCLE_FIXTURES, assertOneLineError, buildCli, snapshot, strategy, tempDir } from './lifecycle-helpers';

const frontMatterText = (text: string) => /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1];
const frontMatter = (text: string) => parseYaml(frontMatterText(text)) as Record<string, unknown>;
const firstHeading = (text: string) => {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).parse(text);
  const h = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  return h ? toString(h) : undefined;
};

interface JsonReport {
  summary: { measures: number };
  findings: Array<{ file: string; rule: string; measure?: string; severity: string }>;
}

describe('strategy new measure', function () {
  this.timeout(120_000);
  let tmp: string;
  let n = 0;
  /** A fresh copy of the small German repository fixture. */
  const repo = (fixture = 'repo') => {
    const dir = join(tmp, `r${n++}`);
    cpSync(join(LIFECYCLE_FIXTURES, fixture), dir, { recursive: true });
    return dir;
  };

  before(() => {
    buildCli();
    tmp = tempDir();
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('without a terminal (CLI process)', () => {
    it('writes measures/<slug>.md with every key, prints its path, exit 0', () => {
      const dir = repo();
      const r = strategy(['new', 'measure', '--title', 'Digitale Bauakte', '--field', 'verwaltung'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'measures/digitale-bauakte.md\n');
      assert.match(r.stderr, /DIGITALE-BAUAKTE/);
      const text = readFileSync(join(dir, 'measures/digitale-bauakte.md'), 'utf8');
      const data = frontMatter(text);
      assert.equal(data.id, 'DIGITALE-BAUAKTE');
      assert.equal(data.title, 'Digitale Bauakte');
      assert.equal(data.field, 'verwaltung');
      assert.equal(data.status, 'idea');
      for (const key of ['goals', 'depends_on', 'partners', 'funding', 'milestones', 'waivers', 'tags']) assert.deepEqual(data[key], [], key);
      // Keys without a value yet are there as comments to fill in.
      const fm = frontMatterText(text);
      for (const key of ['owner', 'start', 'end', 'cost', 'privacy', 'personal_data', 'dpia', 'dpo_consulted', 'ropa', 'ethics']) {
        assert.match(fm, new RegExp(`^\\s*#\\s*${key}:`, 'm'), `no commented ${key}`);
      }
      assert.equal(data.ai, undefined, 'no ai block without --ai');
      assert.equal(firstHeading(text), 'Digitale Bauakte');
    });

    it('--ai adds the ai block with every AI key', () => {
      const dir = repo();
      const r = strategy(['new', 'measure', '--title', 'KI-Übersetzung', '--ai'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const text = readFileSync(join(dir, 'measures/ki-uebersetzung.md'), 'utf8');
      const ai = frontMatter(text).ai as Record<string, unknown>;
      assert.equal(ai.category, 'other');
      assert.equal(ai.risk, 'unclassified');
      for (const key of ['purpose', 'annex_iii', 'exemption', 'profiling', 'human_oversight', 'fria', 'eu_registration', 'transparency_notice', 'vendor', 'model']) {
        assert.match(frontMatterText(text), new RegExp(`^\\s+# ${key}:`, 'm'), `no commented ai.${key}`);
      }
    });

    it('derives the id and file name with German slug rules (ä → ae, ö → oe, ü → ue, ß → ss)', () => {
      const dir = repo();
      const r = strategy(['new', 'measure', '--title', 'Überprüfung der Straßenbeleuchtung – Öffentliche Räume'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const file = 'measures/ueberpruefung-der-strassenbeleuchtung.md';
      assert.equal(r.stdout.trim(), file);
      assert.equal(frontMatter(readFileSync(join(dir, file), 'utf8')).id, 'UEBERPRUEFUNG-DER-STRASSENBELEUCHTUNG');
    });

    it('takes --id as given, the file name is its lowercase slug', () => {
      const dir = repo();
      const r = strategy(['new', 'measure', '--id', 'VW_eAkte2', '--title', 'E-Akte'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), 'measures/vw-eakte2.md');
      assert.equal(frontMatter(readFileSync(join(dir, 'measures/vw-eakte2.md'), 'utf8')).id, 'VW_eAkte2');
    });

    it('keeps titles with YAML and Markdown syntax intact', () => {
      const dir = repo();
      const title = 'Bürgerservice: „Termin #1“ – *schnell* & [sicher] <b>, 100 % \'online\' "jetzt"';
      const r = strategy(['new', 'measure', '--id', 'SONDER', '--title', title], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const text = readFileSync(join(dir, 'measures/sonder.md'), 'utf8');
      assert.equal(frontMatter(text).title, title);
      assert.equal(firstHeading(text), title);
    });

    it('the new file is seen by lint (and has no schema or YAML problems)', () => {
      const dir = repo();
      const before = JSON.parse(strategy(['lint', '--format', 'json', '--as-of', '2026-06-01'], { cwd: dir }).stdout) as JsonReport;
      assert.equal(strategy(['new', 'measure', '--title', 'Neue Idee', '--ai'], { cwd: dir }).status, 0);
      const after = JSON.parse(strategy(['lint', '--format', 'json', '--as-of', '2026-06-01'], { cwd: dir }).stdout) as JsonReport;
      assert.equal(after.summary.measures, before.summary.measures + 1);
      const mine = after.findings.filter((f) => f.file === 'measures/neue-idee.md');
      assert.ok(mine.length > 0, 'lint reports nothing about the new file');
      assert.ok(mine.every((f) => f.measure === 'NEUE-IDEE'));
      // The template itself is well-formed: only content findings (owner, classification …), no format ones.
      assert.deepEqual(mine.filter((f) => ['yaml-syntax', 'schema', 'not-a-measure'].includes(f.rule)), []);
      assert.ok(mine.some((f) => f.rule === 'ai-risk-unclassified'), 'an unclassified AI initiative is flagged');
    });

    it('new measure --ai passes its own lint: at status idea only reminders (info), no error or warning', () => {
      const dir = repo();
      const field = (parseYaml(readFileSync(join(dir, 'strategy.yaml'), 'utf8')) as { fields: Array<{ id: string }> }).fields[0].id;
      assert.equal(strategy(['new', 'measure', '--title', 'KI-Idee', '--ai', '--field', field], { cwd: dir }).status, 0);
      const lint = () => {
        const r = strategy(['lint', '--format', 'json'], { cwd: dir });
        return { status: r.status, mine: (JSON.parse(r.stdout) as JsonReport).findings.filter((f) => f.file.startsWith('measures/ki-idee')) };
      };
      const withField = lint();
      assert.equal(withField.status, 0);
      assert.deepEqual(withField.mine.filter((f) => f.severity !== 'info').map((f) => f.rule), []);
      assert.deepEqual(withField.mine.map((f) => f.rule).sort(), ['ai-risk-unclassified', 'owner-missing', 'privacy-review-missing']);
      // Without --field the measure is anchored nowhere: a warning, and the lint still passes.
      assert.equal(strategy(['new', 'measure', '--title', 'KI-Idee ohne Feld', '--ai'], { cwd: dir }).status, 0);
      const withoutField = lint();
      assert.equal(withoutField.status, 0);
      assert.deepEqual(withoutField.mine.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.file}`), ['not-anchored measures/ki-idee-ohne-feld.md']);
    });

    it('follows "include" in strategy.yaml to the folder lint reads', () => {
      const dir = repo();
      const s = readFileSync(join(dir, 'strategy.yaml'), 'utf8');
      writeFileSync(join(dir, 'strategy.yaml'), s + 'include:\n  - plan/massnahmen/**/*.md\n');
      mkdirSync(join(dir, 'plan'));
      cpSync(join(dir, 'measures'), join(dir, 'plan', 'massnahmen'), { recursive: true });
      rmSync(join(dir, 'measures'), { recursive: true });
      const r = strategy(['new', 'measure', '--title', 'Woanders'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), 'plan/massnahmen/woanders.md');
      const lint = JSON.parse(strategy(['lint', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
      assert.ok(lint.findings.some((f) => f.file === 'plan/massnahmen/woanders.md'));
    });

    it('--root from elsewhere; the printed path is relative to the working folder', () => {
      const dir = repo();
      const r = strategy(['new', 'measure', '--root', dir, '--title', 'Von außen'], { cwd: tmp });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(resolve(tmp, r.stdout.trim()), join(dir, 'measures', 'von-aussen.md'));
    });

    it('English repository: English template', () => {
      const dir = repo('repo-en');
      const r = strategy(['new', 'measure', '--title', 'Digital files'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const text = readFileSync(join(dir, 'measures/digital-files.md'), 'utf8');
      assert.match(text, /# responsible unit/);
      assert.doesNotMatch(text, /Maßnahme|verantwortliche/);
    });

    describe('refuses (exit 2, one line, nothing written)', () => {
      const refuses = (args: string[], pattern: RegExp, prepare?: (dir: string) => void) => () => {
        const dir = repo();
        prepare?.(dir);
        const before = snapshot(dir);
        const r = strategy(['new', 'measure', ...args], { cwd: dir });
        assert.equal(r.status, 2, r.stdout + r.stderr);
        assertOneLineError(r.stderr);
        assert.match(r.stderr, pattern);
        assert.equal(r.stdout, '');
        assert.deepEqual(snapshot(dir), before);
      };
      it('a duplicate --id', refuses(['--id', 'VW-PORTAL', '--title', 'Noch ein Portal'], /VW-PORTAL/));
      it('an id that differs only in case', refuses(['--id', 'vw-portal', '--title', 'Noch ein Portal'], /VW-PORTAL/));
      it('a derived id that is taken', refuses(['--title', 'VW Portal'], /VW-PORTAL.*--id/));
      it('an existing file', refuses(['--id', 'NOTIZ', '--title', 'Notiz'], /measures\/notiz\.md/, (dir) => writeFileSync(join(dir, 'measures/notiz.md'), '---\nid: ANDERS\ntitle: Anders\nstatus: idea\n---\n')));
      it('an unknown --field, with did-you-mean', refuses(['--title', 'X', '--field', 'verwaltun'], /meinten Sie „verwaltung“\?/));
      it('an invalid --id', refuses(['--id', '1-falsch', '--title', 'X'], /keine gültige ID/));
      it('no --title without a terminal', refuses([], /--title/));
      it('a title without letters or digits and no --id', refuses(['--title', '–––'], /--id/));
      it('another element than "measure", with did-you-mean', () => {
        const dir = repo();
        const r = strategy(['new', 'mesure', '--title', 'X'], { cwd: dir });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /meinten Sie „measure“\?/);
      });
      it('outside a strategy repository', () => {
        const r = strategy(['new', 'measure', '--title', 'X'], { cwd: tmp });
        assert.equal(r.status, 2);
        assertOneLineError(r.stderr);
      });
    });
  });

  describe('on a terminal: asks for missing values (in-process, streams stand in for the terminal)', () => {
    /** Runs `new measure` with typed answers; returns what was asked and the written file. */
    async function interactive(dir: string, opts: Parameters<typeof runNew>[1], answers: string[]) {
      const input = new PassThrough();
      const output = new PassThrough();
      let asked = '';
      output.on('data', (d) => (asked += String(d)));
      input.end(answers.map((a) => a + '\n').join(''));
      const stdoutWrite = process.stdout.write;
      let printed = '';
      process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
      try {
        const code = await runNew('measure', { root: dir, ...opts }, { input, output, interactive: true });
        return { code, asked, printed };
      } finally {
        process.stdout.write = stdoutWrite;
      }
    }

    it('asks for title, id (with the derived default) and field; re-asks an unknown field', async () => {
      const dir = repo();
      const { code, asked, printed } = await interactive(dir, {}, ['Schul-WLAN für alle', '', 'bildunk', 'bildung']);
      assert.equal(code, 0);
      assert.match(asked, /Titel/);
      assert.match(asked, /\[SCHUL-WLAN-FUER-ALLE\]/);
      assert.match(asked, /meinten Sie „bildung“\?/);
      const file = join(dir, 'measures/schul-wlan-fuer-alle.md');
      assert.equal(resolve(printed.trim()), file);
      const data = frontMatter(readFileSync(file, 'utf8'));
      assert.deepEqual([data.id, data.title, data.field], ['SCHUL-WLAN-FUER-ALLE', 'Schul-WLAN für alle', 'bildung']);
    });

    it('offers a free id when the derived one is taken, and re-asks a taken one', async () => {
      const dir = repo();
      const { code, asked } = await interactive(dir, { field: 'verwaltung' }, ['VW Portal', 'VW-PORTAL', '']);
      assert.equal(code, 0);
      assert.match(asked, /\[VW-PORTAL-2\]/);
      assert.match(asked, /hat schon die Maßnahme/);
      assert.ok(existsSync(join(dir, 'measures/vw-portal-2.md')));
    });

    it('asks only for what is missing; with --ai also for category and risk', async () => {
      const dir = repo();
      const { code, asked } = await interactive(dir, { title: 'Sprachassistent', id: 'SPRACHE', field: 'verwaltung', ai: true }, ['speech', 'limitd', 'limited']);
      assert.equal(code, 0);
      assert.doesNotMatch(asked, /Titel|ID|Handlungsfeld/);
      assert.match(asked, /meinten Sie „limited“\?/);
      const ai = frontMatter(readFileSync(join(dir, 'measures/sprache.md'), 'utf8')).ai as Record<string, unknown>;
      assert.deepEqual([ai.category, ai.risk], ['speech', 'limited']);
    });

    it('input that ends early is a usage error and writes nothing', async () => {
      const dir = repo();
      const before = readdirSync(join(dir, 'measures'));
      await assert.rejects(interactive(dir, {}, ['Nur ein Titel']), /input ended/);
      assert.deepEqual(readdirSync(join(dir, 'measures')), before);
    });
  });
});
