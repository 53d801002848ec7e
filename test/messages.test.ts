import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES, MAX_MESSAGE_VALUE, MessageError, message, localized } from '../strategy/messages/index';
import { fill, formatMessage, placeholders, MAX_PLACEHOLDER, MAX_LIST_ITEMS } from '../strategy/messages/fill';
import { ALL_RULES } from '../strategy/rules/index';
import { StrategyWorkspace } from '../strategy/index';
import { YAML_ERROR_DE } from '../strategy/rules/structure/yaml-syntax';

describe('message catalogue (strategy/messages)', () => {
  const keys = (lang: 'de' | 'en') => Object.keys(CATALOGUES[lang]).sort();

  it('German and English have the same keys', () => {
    assert.deepEqual(keys('en'), keys('de'));
  });

  it('every message has the same placeholders in both languages, and no text is empty', () => {
    for (const key of keys('de') as Array<keyof (typeof CATALOGUES)['de']>) {
      const { de, en } = { de: CATALOGUES.de[key], en: CATALOGUES.en[key] };
      assert.ok(de.trim() && en.trim(), `${key}: empty text`);
      assert.deepEqual([...new Set(placeholders(en))], [...new Set(placeholders(de))], `${key}: placeholders differ`);
    }
  });

  it("every rule module's messages have the same placeholders in both languages", () => {
    // Older rules pass a value per language as `{name_de}` / `{name_en}`; new ones pass `{ de, en }` as one value.
    const names = (template: string, lang: string) => [...new Set(placeholders(template).map((p) => p.replace(new RegExp(`_${lang}$`), '')))];
    for (const rule of ALL_RULES) {
      for (const [name, m] of Object.entries(rule.messages)) {
        assert.deepEqual(names(m.en, 'en'), names(m.de, 'de'), `${rule.id}.${name}: placeholders differ`);
      }
    }
  });

  it('message() fills placeholders in the chosen language', () => {
    assert.equal(message('de', 'cli.option.asOf', { value: 'morgen' }), '--as-of: „morgen“ ist kein Datum (JJJJ-MM-TT)');
    assert.equal(message('en', 'cli.option.asOf', { value: 'tomorrow' }), '--as-of: "tomorrow" is not a date (YYYY-MM-DD)');
    assert.deepEqual(localized('status.active'), { de: 'in Betrieb', en: 'in operation' });
  });

  it('a MessageError is English in its message and either language in text()', () => {
    const e = new MessageError('cli.root.notInDir', { dir: '/x' });
    assert.equal(e.message, 'no strategy.yaml in /x');
    assert.equal(e.text('de'), 'keine strategy.yaml in /x');
  });
});

describe('fill (the one fill function)', () => {
  it('looks up own properties only: names of the prototype chain stay as written', () => {
    assert.equal(fill('{constructor} {toString} {__proto__} {hasOwnProperty}', {}), '{constructor} {toString} {__proto__} {hasOwnProperty}');
    const inherited = Object.create({ id: 'FROM-PROTOTYPE' }) as Record<string, string>;
    assert.equal(fill('{id}', inherited), '{id}');
    assert.equal(formatMessage({ de: '{constructor}', en: '{valueOf}' }).en, '{valueOf}');
  });

  it('leaves a placeholder without data visible and fills repeated ones', () => {
    assert.equal(fill('{a} {b} {a}', { a: 'x' }), 'x {b} x');
  });

  it('shortens values as findings need (80 code units, „…“), lists item by item', () => {
    const long = 'A'.repeat(200);
    const filled = fill('[{v}]', { v: long });
    assert.equal(filled.length, MAX_PLACEHOLDER + 2);
    assert.ok(filled.endsWith('…]'));
    const list = Array.from({ length: 30 }, (_, i) => `ID-${i}`);
    const text = fill('{ids}', { ids: { list } });
    assert.equal(text.split(', ').length, MAX_LIST_ITEMS);
    assert.ok(text.endsWith('…, ID-29'));
    assert.equal(fill('{t}', { t: long }, { max: Infinity }), long, 'documents fill values whole');
  });

  it('never cuts a surrogate pair in half', () => {
    const text = fill('{v}', { v: 'x'.repeat(MAX_PLACEHOLDER - 2) + '😀😀' });
    assert.doesNotMatch(text, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('catalogue messages keep paths whole up to PATH_MAX', () => {
    const path = '/tmp/' + 'd/'.repeat(200) + 'out.json';
    assert.ok(message('en', 'cli.write.failed', { file: path, reason: 'EISDIR' }).includes(path));
    assert.ok(message('en', 'cli.write.failed', { file: 'x'.repeat(MAX_MESSAGE_VALUE * 2), reason: 'E' }).length < MAX_MESSAGE_VALUE + 100);
  });
});

describe('YAML parser messages in findings', () => {
  const lintText = (text: string, lang: 'de' | 'en') => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', `title: T\nlanguage: ${lang}\n`);
    ws.setFile('measures/broken.yaml', text);
    return ws.lint({ asOf: '2026-12-06' }).findings.filter((f) => f.rule === 'yaml-syntax');
  };
  const broken = ['id: X\ntitle: "unclosed\nstatus: idea\n', '- id: A\n  title: [a, b\n', 'a: 1\n---\nb: 2\n', 'x: *nowhere\n', 'k: "\\q"\n'];

  it('German findings name the problem in German, English ones keep the parser’s wording', () => {
    for (const text of broken) {
      const de = lintText(text, 'de');
      assert.ok(de.length > 0, `no yaml-syntax finding for ${JSON.stringify(text)}`);
      for (const f of de) {
        assert.match(f.message.de, /^YAML-Syntaxfehler: |^Doppelter|^Tabulator/);
        assert.doesNotMatch(f.message.de, /\b(missing|expected|must|the|is|not|indented|flow|block|unresolved)\b/i, f.message.de);
        assert.doesNotMatch(f.message.en, /\b(fehlt|nicht|und|Einrückung|Zeichen)\b/, f.message.en);
      }
    }
  });

  it('every error code of the yaml package has a German text', () => {
    for (const text of Object.values(YAML_ERROR_DE)) assert.ok(text.length > 10);
    // Completeness is checked by the compiler: the table's type is Record<ErrorCode | 'TO_JS', string>.
  });
});

describe('rule pages in German and English (docs/rules, docs/rules/de)', () => {
  const ROOT = join(__dirname, '..');
  const EN_SECTIONS = ['What it flags', 'Why', 'How to fix', 'Example', 'Severity', 'Configure and waive'];
  const DE_SECTIONS = ['Was die Regel meldet', 'Warum', 'So beheben', 'Beispiel', 'Schweregrad', 'Einstellen und Ausnahmen'];

  for (const rule of ALL_RULES) {
    it(`${rule.id}: a German page with the same sections as the English one, links that resolve`, () => {
      const de = readFileSync(join(ROOT, 'docs', 'rules', 'de', `${rule.id}.md`), 'utf8');
      assert.match(de, new RegExp(`^# \`${rule.id}\``, 'm'));
      for (const section of DE_SECTIONS) assert.match(de, new RegExp(`^## ${section}`, 'm'), `docs/rules/de/${rule.id}.md lacks "## ${section}"`);
      for (const section of EN_SECTIONS) assert.doesNotMatch(de, new RegExp(`^## ${section}$`, 'm'));
      // Prose outside code is German: none of these English words (code blocks and spans removed).
      const prose = de.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '').replace(/\]\([^)]*\)/g, ']');
      assert.doesNotMatch(prose, /\b(the|and|which|with|when|is|are|missing|measure)\b/, `English prose in docs/rules/de/${rule.id}.md`);
      for (const [, target] of de.matchAll(/\]\(([^)#]+\.md)(?:#[^)]*)?\)/g)) {
        assert.ok(existsSync(join(ROOT, 'docs', 'rules', 'de', target)), `docs/rules/de/${rule.id}.md links to ${target}, which does not exist`);
      }
    });
  }
});
