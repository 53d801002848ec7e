// Turns user text into Mermaid text that can only ever be text. No library does this (Mermaid
// has no escaping API), so it is written by hand, from Mermaid 11's lexers:
// - Mermaid replaces `#<code>;` by a placeholder before any lexer runs and turns it back into an
//   HTML character reference in the SVG, so an entity can never be read as syntax.
// - Every ASCII character other than letters, digits, space and `.,-_/!?` is written as an
//   entity: that covers quotes, `:`, `;`, `#`, `%` (directives `%%{…}%%` and comments), brackets,
//   `<`/`>`/`&` (HTML), backticks (Markdown strings) and backslashes.
// - Line breaks, tabs and other control characters become spaces: a statement never ends early.
// - Gantt and timeline lexers match keywords (`section`, `title`, `click`, dates, …) at the start
//   of a token, so those labels also get their first character as an entity.
// - `ﬂ` and `¶` are the characters of Mermaid's own entity placeholders; they are encoded too, so
//   user text cannot forge a placeholder.

const KEEP_ASCII = /[A-Za-z0-9 .,\-_/!?]/;
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
const PLACEHOLDER_CHARS = new Set(['\uFB02', '\u00B6']);

/** Collapses line breaks, tabs and control characters to single spaces and trims (non-strings from broken files become text too). */
export function oneLine(text: unknown): string {
  const s = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
  return s.replace(BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}

function entity(ch: string): string {
  return `#${ch.codePointAt(0)};`;
}

/** User text as Mermaid text: every character that could be syntax becomes an entity. */
export function mermaidText(text: unknown): string {
  return encode(oneLine(text));
}

function encode(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch.length === 1 && ch.charCodeAt(0) < 0x80) out += KEEP_ASCII.test(ch) ? ch : entity(ch);
    else out += PLACEHOLDER_CHARS.has(ch) ? entity(ch) : ch;
  }
  return out;
}

/**
 * For labels that start a statement (gantt task and section names, timeline titles): the first
 * character is an entity as well, so that no label can begin with a keyword or a date.
 */
export function mermaidStatementText(text: unknown): string {
  const line = oneLine(text);
  const first = line.codePointAt(0);
  if (first === undefined) return '';
  const head = String.fromCodePoint(first);
  return (/[A-Za-z0-9]/.test(head) ? entity(head) : encode(head)) + encode(line.slice(head.length));
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

// Text without combining marks, joiners, variation selectors or astral characters has one
// grapheme per UTF-16 unit; only other text pays for the (slow) segmenter.
const SIMPLE = /^[\u0000-\u02ff\u0370-\u0482\u048a-\u0590\u1e00-\u1fff\u2010-\u20cf\u2100-\u2bff]*$/;

/** Text as user-perceived characters (emoji and combined letters stay whole). */
export function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split('');
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

function graphemeLength(text: string): number {
  return SIMPLE.test(text) ? text.length : graphemes(text).length;
}

/** Shortens text to at most `max` characters (graphemes, so emoji stay whole), ending in „…“. */
export function truncate(text: unknown, max: number): string {
  const line = oneLine(text);
  if (graphemeLength(line) <= max) return line;
  const g = graphemes(line);
  return g.length <= max ? g.join('') : g.slice(0, max - 1).join('').trimEnd() + '…';
}

/** Breaks text into lines of about `width` characters at spaces (a very long word is shortened). */
export function wrap(text: unknown, width: number, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  let length = 0;
  for (const word of oneLine(text).split(' ')) {
    const n = graphemeLength(word);
    if (!line) {
      line = word;
      length = n;
    } else if (length + 1 + n > width) {
      lines.push(line);
      line = word;
      length = n;
    } else {
      line = `${line} ${word}`;
      length += 1 + n;
    }
  }
  if (line) lines.push(line);
  const kept = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), truncate(lines.slice(maxLines - 1).join(' '), width)] : lines;
  return kept.map((l) => truncate(l, width * 2));
}
