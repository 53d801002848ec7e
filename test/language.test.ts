// German throughout, English throughout: every command run as a user runs it, with --lang de and
// --lang en, on examples/herne and on the usual mistakes (a bad option, no strategy.yaml, a YAML
// syntax error). The tool's own words must all be of one language. The repository's own text
// (titles, owners, file paths, ids) is the user's, in whatever language they wrote it: it is
// removed before the check, so only what the tool says is judged.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ALL_RULES } from '../strategy/index';
import { buildCli, PROJECT, strategy, type Run } from './lifecycle-helpers';

const HERNE = join(PROJECT, 'examples', 'herne');
const AS_OF = '2026-12-06';

/** Words that give the other language away (whole words; the tool's own texts never use them in the wrong language). */
const FOREIGN: Record<'de' | 'en', RegExp> = {
  // In German output: English words.
  de: /\b(the|missing|measures?|not|and|is|are|with|without|found|expected|errors?|warnings?|files?|infos?|waived|as of|unknown|cannot|must|should)\b/i,
  // In English output: German words.
  en: /\b(nicht|und|Maßnahmen?|fehlt|ist|oder|mit|ohne|Fehler|Warnungen?|Hinweise?|Dateien?|keine?|unbekannte?r?|Stichtag|gefunden|erwartet|zurückgestellt)\b/,
};

/** Every text of the repository (YAML scalars and keys, Markdown bodies, file paths): the user's words, not the tool's. */
function repositoryTexts(root: string): string[] {
  const texts = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const path = relative(root, full).split('\\').join('/');
      texts.add(path);
      const text = readFileSync(full, 'utf8');
      const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      const yamlText = path.endsWith('.md') ? (fm?.[1] ?? '') : text;
      const body = path.endsWith('.md') ? (fm ? fm[2] : text) : '';
      for (const line of body.split(/\r?\n/)) {
        const t = line.replace(/^[#>*\-\s]+/, '').trim();
        if (t) texts.add(t);
      }
      for (const doc of parseAllDocuments(yamlText)) {
        if (!('contents' in doc)) continue;
        const visit = (v: unknown) => {
          if (typeof v === 'string') {
            texts.add(v.trim());
            for (const line of v.split('\n')) if (line.trim()) texts.add(line.trim());
          } else if (Array.isArray(v)) v.forEach(visit);
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (texts.add(k), visit(x));
        };
        visit(doc.toJS());
      }
    }
  };
  walk(root);
  return [...texts].filter((t) => t.length >= 3).sort((a, b) => b.length - a.length);
}

const RULE_IDS = ALL_RULES.map((r) => r.id).sort((a, b) => b.length - a.length);

/** The tool's own words: data, identifiers, code and format syntax removed. */
function toolWords(output: string, data: readonly string[]): string {
  let s = output
    .replace(/#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))) // Mermaid entities
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1') // Markdown escapes
    .replace(/<br\s*\/?>/g, ' ') // line breaks inside diagram labels
    .replace(/^\s*(classDef|class|style|linkStyle)\b.*$/gm, ' ') // Mermaid styling syntax
    .replace(/:::\w+/g, ' ');
  for (const id of RULE_IDS) s = s.split(id).join(' ');
  // A value shortened with „…“ (or wrapped) is the start of a datum: drop the longest such start before it.
  s = s.replace(/([^\n…]{1,120})…/g, (m, head: string) => {
    for (let i = 0; i < head.length - 2; i++) {
      if (i > 0 && !/[\s"'[(„“–-]/.test(head[i - 1])) continue;
      const start = head.slice(i).trim();
      if (start.length >= 3 && data.some((t) => t.startsWith(start) || t.replace(/\s+/g, ' ').startsWith(start))) return head.slice(0, i) + ' ';
    }
    return m;
  });
  for (const t of data) s = s.split(t).join(' ').split(t.replace(/\s+/g, ' ')).join(' ');
  return s
    .replace(/\b\w+(?:\|\w+)+\b/g, ' ') // alternatives of the format (error|warning|info|off)
    .replace(/`[^`\n]*`/g, ' ') // code spans: keys and values of the format
    .replace(/--[a-z][\w-]*/g, ' ') // option names
    .replace(/\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g, ' ') // measure ids
    .replace(/[\w.-]+\/[\w./-]+/g, ' '); // paths
}

function assertOneLanguage(run: Run, lang: 'de' | 'en', what: string, data: readonly string[]): void {
  const words = toolWords(run.stdout + '\n' + run.stderr, data);
  const m = FOREIGN[lang].exec(words);
  if (m) {
    const at = words.indexOf(m[0], m.index);
    assert.fail(`${what} --lang ${lang}: "${m[0]}" in «${words.slice(Math.max(0, at - 80), at + 80).replace(/\s+/g, ' ')}»`);
  }
}

/** Structured output: only its human texts (messages), not its syntax (XML, JSON keys, annotation commands). */
function messagesOf(format: string, stdout: string): string {
  if (format === 'json') return (JSON.parse(stdout) as { findings: Array<{ message: string }> }).findings.map((f) => f.message).join('\n');
  if (format === 'sarif') {
    const sarif = JSON.parse(stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    return sarif.runs.flatMap((r) => r.results.map((x) => x.message.text)).join('\n');
  }
  if (format === 'junit') return [...stdout.matchAll(/message="([^"]*)"/g)].map((m) => m[1]).join('\n');
  if (format === 'github') return stdout.split('\n').map((l) => l.replace(/^::\w+ [^:]*::/, '')).join('\n');
  return stdout;
}

describe('German throughout, English throughout (every command, --lang de and --lang en)', function () {
  this.timeout(300_000);
  let tmp: string;
  let herneTexts: string[];
  before(() => {
    buildCli();
    tmp = mkdtempSync(join(tmpdir(), 'strategy-language-'));
    herneTexts = repositoryTexts(HERNE);
  });

  const commands: Array<[string, string[]]> = [
    ['lint', ['lint']],
    ['roadmap gantt', ['roadmap']],
    ['roadmap dependencies', ['roadmap', '--type', 'dependencies']],
    ['roadmap timeline', ['roadmap', '--type', 'timeline']],
    ['report council', ['report']],
    ['report inventory', ['report', 'inventory']],
    ['report funding', ['report', 'funding']],
    ['report compliance', ['report', 'compliance']],
    ['export csv', ['export', '--format', 'csv']],
  ];
  for (const lang of ['de', 'en'] as const) {
    for (const [what, args] of commands) {
      it(`${what} on examples/herne, --lang ${lang}`, () => {
        const run = strategy([...args, '--root', HERNE, '--as-of', AS_OF, '--lang', lang]);
        assert.ok(run.status === 0 || run.status === 1, `${what}: exit ${run.status}: ${run.stderr}`);
        assertOneLanguage(run, lang, what, herneTexts);
      });
    }

    for (const format of ['json', 'sarif', 'junit', 'github']) {
      it(`lint --format ${format} on examples/herne: messages in ${lang}`, () => {
        const run = strategy(['lint', '--root', HERNE, '--as-of', AS_OF, '--lang', lang, '--format', format]);
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
        assertOneLanguage({ ...run, stdout: messagesOf(format, run.stdout) }, lang, `lint --format ${format}`, herneTexts);
      });
    }

    it(`rules and explain, --lang ${lang}`, () => {
      const rules = strategy(['rules', '--lang', lang]);
      assert.equal(rules.status, 0);
      assertOneLanguage(rules, lang, 'rules', []);
      for (const rule of ['owner-missing', 'yaml-syntax', 'ai-fria-missing']) {
        const page = strategy(['explain', rule, '--lang', lang]);
        assert.equal(page.status, 0, page.stderr);
        // A page quotes examples from a (German) strategy in its code blocks: those are data.
        assertOneLanguage({ ...page, stdout: page.stdout.replace(/^ {4}.*$/gm, '') }, lang, `explain ${rule}`, []);
      }
    });

    describe(`mistakes, --lang ${lang}`, () => {
      const mistakes: Array<[string, string[], { cwd?: string; broken?: boolean }]> = [
        ['an unknown option', ['lint', '--fromat', 'json'], {}],
        ['an invalid choice', ['lint', '--format', 'xml'], {}],
        ['a missing argument', ['explain'], {}],
        ['a missing option value', ['lint', '--root'], {}],
        ['too many arguments', ['explain', 'a', 'b'], {}],
        ['an unknown command', ['lnit'], {}],
        ['an unknown rule', ['explain', 'owner-mising'], {}],
        ['a bad --as-of', ['lint', '--as-of', 'morgen'], {}],
        ['a bad --rule', ['lint', '--rule', 'owner-missing=laut'], {}],
        ['a bad --max-warnings', ['lint', '--max-warnings', 'viele'], {}],
        ['a bad period', ['roadmap', '--from', '2030', '--to', '2020'], {}],
        ['no strategy.yaml', ['lint'], { cwd: 'empty' }],
        ['a YAML syntax error', ['lint'], { broken: true }],
      ];
      for (const [what, args, opts] of mistakes) {
        it(what, () => {
          let cwd = PROJECT;
          let root: string[] = [];
          if (opts.cwd) {
            cwd = join(tmp, `${opts.cwd}-${lang}`);
            mkdirSync(cwd, { recursive: true });
          } else if (opts.broken) {
            const dir = join(tmp, `broken-${lang}`);
            cpSync(HERNE, dir, { recursive: true });
            writeFileSync(join(dir, 'measures', 'kaputt.yaml'), 'id: KAPUTT\ntitle: "offen\nstatus: idea\n');
            writeFileSync(join(dir, 'measures', 'klammer.yaml'), '- id: KLAMMER\n  title: [a, b\n');
            root = ['--root', dir];
          } else if (args[0] !== 'explain' && args[0] !== 'lnit') root = ['--root', HERNE];
          const run = strategy([...args, ...root, '--lang', lang], { cwd });
          if (opts.broken) {
            assert.equal(run.status, 1, run.stderr);
            assert.match(run.stdout, /yaml-syntax/);
            assert.match(run.stdout, lang === 'de' ? /YAML-Syntaxfehler: / : /YAML syntax error: /);
          } else {
            assert.equal(run.status, 2, `${what}: ${run.stdout}${run.stderr}`);
            assert.match(run.stderr, /^strategy: \S/, 'every error starts with "strategy:"');
            assert.equal(run.stderr.trimEnd().split('\n').length, 1, `one line: ${run.stderr}`);
          }
          assertOneLanguage(run, lang, what, opts.broken ? [...herneTexts, 'offen', 'KAPUTT', 'KLAMMER'] : []);
        });
      }
    });
  }

  it('without --lang, errors follow the language of strategy.yaml, else German', () => {
    const en = join(tmp, 'english');
    mkdirSync(en, { recursive: true });
    writeFileSync(join(en, 'strategy.yaml'), 'schema: 1\ntitle: Test\nlanguage: en\n');
    assert.match(strategy(['lint', '--root', en, '--as-of', 'tomorrow']).stderr, /^strategy: --as-of: "tomorrow" is not a date/);
    assert.match(strategy(['lint', '--as-of', 'tomorrow'], { cwd: en }).stderr, /^strategy: --as-of: "tomorrow" is not a date/);
    assert.match(strategy(['lint', '--root', HERNE, '--as-of', 'morgen']).stderr, /^strategy: --as-of: „morgen“ ist kein Datum/);
    const nowhere = join(tmp, 'nowhere');
    mkdirSync(nowhere, { recursive: true });
    assert.match(strategy(['lint'], { cwd: nowhere }).stderr, /^strategy: keine strategy\.yaml in .* gefunden/);
    assert.match(strategy(['lint', '--lang', 'en'], { cwd: nowhere }).stderr, /^strategy: no strategy\.yaml found in /);
  });

  it('commander\'s own errors are reworded, with the suggestion in the language', () => {
    assert.equal(strategy(['lint', '--fromat', 'json', '--lang', 'de']).stderr, 'strategy: unbekannte Option „--fromat“ (Meinten Sie „--format“?)\n');
    assert.equal(strategy(['lint', '--fromat', 'json', '--lang', 'en']).stderr, 'strategy: unknown option "--fromat" (Did you mean "--format"?)\n');
    assert.match(strategy(['lint', '--format', 'xml', '--lang', 'de']).stderr, /^strategy: Option „--format <format>“: „xml“ ist nicht erlaubt; erlaubt sind stylish, json/);
  });
});
