// `strategy rules` and `strategy explain RULE`: the rule table from the rule modules, and a rule's
// documentation page rendered for a terminal.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../strategy/index';
import { renderMarkdownForTerminal } from '../cli/lifecycle/terminal-markdown';
import { PROJECT, assertOneLineError, buildCli, strategy } from './lifecycle-helpers';

const stripTicks = (s: string) => s.replace(/`/g, '');
/** Terminal output with its line wrapping undone. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const SEVERITY_WORDS = { de: ['Fehler', 'Warnung', 'Hinweis'], en: ['error', 'warning', 'info'] };
const pageOf = (id: string) => join(PROJECT, 'docs', 'rules', `${id}.md`);
/** The German page, which `strategy explain` shows by default (German is the default language). */
const germanPageOf = (id: string) => join(PROJECT, 'docs', 'rules', 'de', `${id}.md`);

describe('strategy rules and explain', function () {
  this.timeout(120_000);
  before(() => buildCli());

  describe('rules', () => {
    for (const lang of ['de', 'en'] as const) {
      it(`lists every rule once with default severity, category and description (${lang})`, () => {
        const r = strategy(['rules', ...(lang === 'en' ? ['--lang', 'en'] : [])]);
        assert.equal(r.status, 0, r.stderr);
        const lines = r.stdout.trimEnd().split('\n');
        // Without a terminal: a header, a rule line, then exactly one line per rule.
        assert.equal(lines.length, 2 + ALL_RULES.length);
        assert.match(lines[0], lang === 'de' ? /^Regel\s+Standard\s+Kategorie\s+Beschreibung$/ : /^Rule\s+Default\s+Category\s+Description$/);
        ALL_RULES.forEach((rule, i) => {
          const line = lines[2 + i];
          const cells = line.split(/\s{2,}/);
          assert.equal(cells[0], rule.id);
          const severities = SEVERITY_WORDS[lang];
          assert.equal(cells[1], severities[['error', 'warning', 'info'].indexOf(rule.defaultSeverity)], `${rule.id}: severity`);
          assert.ok(line.endsWith(stripTicks(rule.description[lang])), `${rule.id}: description`);
        });
        const categories = new Set(lines.slice(2).map((l) => l.split(/\s{2,}/)[2]));
        assert.equal(categories.size, new Set(ALL_RULES.map((r) => r.category)).size);
      });
    }

    it('German descriptions differ from the English ones', () => {
      assert.notEqual(strategy(['rules']).stdout, strategy(['rules', '--lang', 'en']).stdout);
    });
  });

  describe('explain', () => {
    const documented = ALL_RULES.filter((r) => existsSync(pageOf(r.id)));

    it('at least one rule page exists to explain', () => {
      assert.ok(documented.length > 0);
    });

    it("renders a rule's page without Markdown syntax", function () {
      const rule = documented.find((r) => readFileSync(pageOf(r.id), 'utf8').includes('```')) ?? documented[0];
      assert.ok(rule, 'no rule has a docs page');
      const page = readFileSync(germanPageOf(rule.id), 'utf8');
      const r = strategy(['explain', rule.id]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      const out = r.stdout;
      assert.ok(out.startsWith(rule.id), 'starts with the rule id');
      assert.ok(oneLine(out).includes(rule.description.de), 'German summary');
      // Every `##` heading of the page shows as a plain line.
      const headings = [...page.matchAll(/^#{2,3} (.+)$/gm)].map((m) => stripTicks(m[1]).replace(/\*\*/g, ''));
      assert.ok(headings.length > 0);
      for (const h of headings) assert.ok(out.split('\n').includes(h), `heading "${h}" missing`);
      assert.doesNotMatch(out, /^#{1,6} /m, 'heading markers left');
      assert.doesNotMatch(out, /^```/m, 'code fences left');
      assert.doesNotMatch(out, /\u001b\[/, 'colour in a pipe');
      // Code blocks are indented, their content kept.
      const code = /```\w*\n([^\n]+)/.exec(page);
      if (code) assert.ok(out.includes('    ' + code[1]), 'code block content not indented');
      // Lines are wrapped for a terminal (code and tables may be wider).
      const prose = out.split('\n').filter((l) => !l.startsWith('    ') && !l.includes('│') && !/^[─┼]+$/.test(l));
      for (const l of prose) assert.ok(l.length <= 80 || !l.includes(' '), `line too long: ${l}`);
    });

    it('every rule page renders (in-process) and explains with --lang en (CLI, one rule)', () => {
      for (const rule of documented) {
        for (const page of [pageOf(rule.id), germanPageOf(rule.id)]) {
          const out = renderMarkdownForTerminal(readFileSync(page, 'utf8'), { width: 80, color: false });
          assert.ok(out.trim().length > 0, page);
          assert.doesNotMatch(out, /^#{1,6} |^```/m, page);
        }
      }
      const rule = documented[documented.length - 1];
      const r = strategy(['explain', rule.id, '--lang', 'en']);
      assert.equal(r.status, 0, `${rule.id}: ${r.stderr}`);
      assert.ok(oneLine(r.stdout).includes(rule.description.en), rule.id);
      assert.ok(r.stdout.split('\n').includes('What it flags'), 'the English page');
      assert.doesNotMatch(r.stdout, /Was die Regel meldet|Kategorie|Schweregrad/, 'no German with --lang en');
      const de = strategy(['explain', rule.id, '--lang', 'de']);
      assert.ok(de.stdout.split('\n').includes('Was die Regel meldet'), 'the German page');
      assert.doesNotMatch(de.stdout, /What it flags|Category|Default severity/, 'no English with --lang de');
    });

    it('colour only when forced, never with NO_COLOR', () => {
      const rule = documented[0];
      assert.match(strategy(['explain', rule.id], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[1m/);
      assert.doesNotMatch(strategy(['explain', rule.id], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/);
    });

    it('an unknown rule: exit 2, one line with did-you-mean', () => {
      const r = strategy(['explain', 'funding-mising']);
      assert.equal(r.status, 2);
      assertOneLineError(r.stderr);
      assert.match(r.stderr, /meinten Sie „funding-missing“\?/);
      const en = strategy(['explain', 'funding-mising', '--lang', 'en']);
      assert.match(en.stderr, /did you mean "funding-missing"/);
      assert.equal(r.stdout, '');
    });

    it('an unknown rule with nothing close: exit 2, points to "strategy rules"', () => {
      const r = strategy(['explain', 'zzzz']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /strategy rules/);
    });
  });

  describe('terminal Markdown renderer', () => {
    const render = (md: string, width = 40, color = false) => renderMarkdownForTerminal(md, { width, color });

    it('strips emphasis and keeps code ticks without colour; links show their address', () => {
      const out = render('Text *kursiv* und **fett** mit `code` und [Link](https://example.org/x).', 200);
      assert.equal(out, 'Text kursiv und fett mit `code` und Link (https://example.org/x).\n');
    });

    it('wraps paragraphs at the width, at word boundaries', () => {
      const words = Array.from({ length: 30 }, (_, i) => `wort${i}`);
      const lines = render(words.join(' '), 30).trimEnd().split('\n');
      assert.ok(lines.length > 1);
      for (const l of lines) assert.ok(l.length <= 30, l);
      assert.deepEqual(lines.join(' ').split(' '), words);
    });

    it('lists, nested lists, ordered lists and tables', () => {
      const out = render('- eins\n- zwei\n  - drei\n\n1. a\n2. b\n\n| x | y |\n|---|---|\n| lang | 1 |\n', 60);
      assert.match(out, /^• eins$/m);
      assert.match(out, /^  • drei$/m);
      assert.match(out, /^2\. b$/m);
      assert.match(out, /^x    │ y$/m);
      assert.match(out, /^lang │ 1$/m);
    });

    it('control characters in the text cannot reach the terminal', () => {
      assert.doesNotMatch(render('gefährlich \u001b[31m rot'), /\u001b/);
    });

    it('with colour: ANSI styles instead of syntax', () => {
      const out = render('## Titel\n\n**fett**', 40, true);
      assert.match(out, /\u001b\[1m/);
      assert.doesNotMatch(out, /##|\*\*/);
    });
  });
});
