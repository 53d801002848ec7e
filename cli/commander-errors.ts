/**
 * Commander's own errors (unknown option, invalid choice, missing argument …) in the user's
 * language. Commander builds English sentences; we keep its error code and the names and values
 * it quotes, and say the rest from the catalogue.
 */
import type { CommanderError } from 'commander';
import { message, type Lang } from '../strategy/index';

const SUGGESTION = /\n?\(Did you mean (?:one of )?(.*)\?\)\s*$/;

function withSuggestion(lang: Lang, text: string, raw: string): string {
  const s = SUGGESTION.exec(raw);
  if (!s) return text;
  const names = s[1].split(', ');
  return `${text} ${names.length > 1 ? message(lang, 'cli.commander.didYouMeanOneOf', { suggestions: { list: names } }) : message(lang, 'cli.commander.didYouMean', { suggestion: names[0] })}`;
}

/** One line, without the `strategy: ` prefix. */
export function commanderMessage(e: CommanderError, lang: Lang): string {
  const raw = e.message.replace(/^error: /, '');
  let m: RegExpExecArray | null;
  switch (e.code) {
    case 'commander.unknownOption':
      if ((m = /^unknown option '([^']*)'/.exec(raw))) return withSuggestion(lang, message(lang, 'cli.commander.unknownOption', { option: m[1] }), raw);
      break;
    case 'commander.unknownCommand':
      if ((m = /^unknown command '([^']*)'/.exec(raw))) return withSuggestion(lang, message(lang, 'cli.commander.unknownCommand', { command: m[1] }), raw);
      break;
    case 'commander.invalidArgument':
      if ((m = /^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s.exec(raw)))
        return message(lang, 'cli.commander.invalidChoice', { option: m[1], value: m[2], allowed: m[3] });
      break;
    case 'commander.missingArgument':
      if ((m = /^missing required argument '([^']*)'/.exec(raw))) return message(lang, 'cli.commander.missingArgument', { argument: m[1] });
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^option '([^']*)' argument missing/.exec(raw))) return message(lang, 'cli.commander.optionMissingArgument', { option: m[1] });
      break;
    case 'commander.excessArguments':
      if ((m = /Expected (\d+) arguments? but got (\d+)/.exec(raw))) return message(lang, 'cli.commander.excessArguments', { expected: m[1], received: m[2] });
      break;
  }
  // A message this version of commander words differently: its first line, marked as such.
  return message(lang, 'cli.commander.other', { detail: raw.split('\n')[0] });
}
