/**
 * CI systems read commands from a job's log: GitHub Actions a line that starts with `::`
 * (`::error file=…::`, `::add-mask::`), GitHub and Azure Pipelines `##[` (`##[error]`, `##vso[`).
 * Text from a repository (file names, ids, titles) that the CLI prints to stdout or stderr must
 * not become such a command: this neutralises both forms where they could be read as one.
 *
 * - `text` (stylish, notes, Markdown, Mermaid, CSV): a WORD JOINER (U+2060, invisible) goes
 *   between the two characters – `:⁠:` at the start of a line, `#⁠#[` anywhere.
 * - `json`: `##[` becomes `##\u005b`, `##vso[` `##vso\u005b` – the same JSON value once parsed.
 * - `xml`: `[` after `##` becomes `&#91;`, `:` at the start of a line `&#58;` – the same text once parsed.
 *
 * The `github` lint format is the one output made of commands; its values are escaped there.
 */
export type OutputKind = 'text' | 'json' | 'xml';

const WJ = '\u2060';

export function ciSafe(out: string, kind: OutputKind = 'text'): string {
  switch (kind) {
    case 'json':
      return out.replace(/(##(?:vso)?)\[/g, '$1\\u005b');
    case 'xml':
      return out.replace(/(##(?:vso)?)\[/g, '$1&#91;').replace(/^([ \t]*):/gm, '$1&#58;');
    default:
      return out.replace(/##(?=(?:vso)?\[)/g, `#${WJ}#`).replace(/^([ \t]*):(?=:)/gm, `$1:${WJ}`);
  }
}

/** User text on a terminal: line breaks become spaces, other control characters (ESC …) visible escapes, so no text can move the cursor or recolour the output. */
export const printable = (s: string): string =>
  s.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Longest error line printed on stderr (a message may quote a value from the repository). */
export const MAX_ERROR_LINE = 500;

/** One line for stderr: printable, at most MAX_ERROR_LINE characters, safe from CI commands. */
export function safeLine(s: string): string {
  const one = printable(s);
  return ciSafe(one.length > MAX_ERROR_LINE ? `${one.slice(0, MAX_ERROR_LINE - 1)}…` : one);
}
