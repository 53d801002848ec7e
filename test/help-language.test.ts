// `strategy --help` in the user's language: every command's help, run as a user runs it, with
// --lang de and --lang en. Each option, argument and command is matched by its term (the flags or
// the command name) in both outputs; a German description equal to the English one means a
// description without German text (cli/help-language.ts).
import { strict as assert } from 'node:assert';
import { buildCli, strategy } from './lifecycle-helpers';

/** Descriptions that are the same in both languages (names, not prose). */
const SAME_IN_BOTH = new Set(['algoritmeregister', 'council | inventory | funding | compliance']);

/** term → description (wrapped lines joined) of every item in a help text. */
function items(help: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of help.split('\n')) {
    const item = /^ {2}(\S(?:.*?\S)?) {2,}(\S.*)$/.exec(line);
    if (item) {
      last = item[1];
      out.set(last, item[2]);
    } else if (last && /^ {6,}\S/.test(line)) out.set(last, `${out.get(last)} ${line.trim()}`);
    else last = undefined;
  }
  return out;
}

const help = (args: string[], lang: 'de' | 'en') => {
  const r = strategy([...args, '--help', '--lang', lang]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

describe('strategy --help in the user’s language', () => {
  before(() => buildCli());

  const commands = () => [...items(help([], 'en')).keys()].map((term) => term.split(' ')[0]).filter((c) => !c.startsWith('-') && c !== 'help');

  it('lists the same commands and options in both languages, each described in the chosen one', () => {
    const names = commands();
    assert.ok(names.includes('lint') && names.includes('report') && names.length >= 10, names.join(' '));
    for (const args of [[], ...names.map((n) => [n])]) {
      const de = help(args, 'de');
      const en = help(args, 'en');
      const deItems = items(de);
      const enItems = items(en);
      assert.deepEqual([...deItems.keys()], [...enItems.keys()], `same items: ${args.join(' ')}`);
      for (const [term, english] of enItems) {
        if (SAME_IN_BOTH.has(english)) continue;
        assert.notEqual(deItems.get(term), english, `strategy ${args.join(' ')} --help: "${term}" has no German description`);
      }
      assert.match(de, /^Aufruf: strategy/);
      assert.match(en, /^Usage: strategy/);
      assert.doesNotMatch(de, /^(Options|Commands|Arguments):/m);
      assert.doesNotMatch(de, /\((choices|default): /);
    }
  });

  it('German help reads German: headings, choices and defaults', () => {
    const de = help(['lint'], 'de');
    assert.match(de, /^Optionen:$/m);
    assert.match(de, /--format <format> +Ausgabeformat \(Auswahl: "stylish"/);
    assert.match(de, /Standard: "stylish"\)/);
    assert.match(de, /-h, --help +Hilfe zum Befehl anzeigen/);
    assert.match(help([], 'de'), /^Befehle:$/m);
  });
});
