// Ids as the dependency view shows them: whole when they fit, otherwise shortened – but never to a
// text that another id of the same strategy is shown as. Register data has ids of 90+ characters
// that differ only in the middle („…-GEMEENTE-AMSTERDAM-0001-ALGORITME-…“): keeping the start and
// the end alone drew two nodes with the same text (issue 13).
import { graphemes, oneLine } from './escape';

const ELLIPSIS = '…';
const SEPARATOR = /^[\s\-_./:]$/;

/** The default shortening: start and end around one „…“. */
function headTail(g: string[], max: number): string[] {
  return [...g.slice(0, Math.ceil((max - 1) / 2)), ELLIPSIS, ...g.slice(g.length - Math.floor((max - 1) / 2))];
}

/** Longest common prefix of two grapheme lists. */
function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/**
 * Start, the part where this id differs from the others it would be confused with, and end:
 * `start…middle…end` in at most `max` graphemes.
 */
function withMiddle(g: string[], others: string[][], max: number): string[] {
  let prefix = 0;
  let suffix = 0;
  for (const o of others) {
    prefix = Math.max(prefix, commonPrefix(g, o));
    suffix = Math.max(suffix, commonSuffix(g, o));
  }
  // Room for the middle: a third of the label.
  const room = max - 2;
  const third = Math.max(Math.floor(room / 3), 1);
  let from = Math.min(prefix, g.length - 1);
  let to = Math.max(from + 1, g.length - suffix);
  // Widen to whole words („0001“, not „1“) while the middle stays within its third.
  while (from > 0 && !SEPARATOR.test(g[from - 1]) && to - from < third) from--;
  while (to < g.length && !SEPARATOR.test(g[to]) && to - from < third) to++;
  const middleLength = Math.min(to - from, third);
  const edges = room - middleLength;
  const head = Math.min(Math.ceil(edges / 2), from);
  const tail = Math.min(edges - head, g.length - (from + middleLength));
  const middle = g.slice(from, from + middleLength);
  const out = [...g.slice(0, head)];
  if (head < from) out.push(ELLIPSIS);
  out.push(...middle);
  if (from + middleLength < g.length - tail) out.push(ELLIPSIS);
  out.push(...g.slice(g.length - tail));
  return out;
}

/**
 * Lines (of `width` graphemes, at most `maxLines`) for every id, unique among the given ids: two
 * different ids never get the same lines. Ids that fit are shown whole; longer ones keep start and
 * end, and where that is not unique, also the part in which they differ. Should even that
 * coincide, the shortened texts are numbered („[2]“).
 */
export function uniqueIdLines(ids: Iterable<unknown>, width: number, maxLines = 3): (id: unknown) => string[] {
  const max = width * maxLines;
  const texts = new Map<string, string>();
  const byText = new Map<string, string[]>();
  const note = (id: string, text: string) => {
    texts.set(id, text);
    const list = byText.get(text);
    if (list) list.push(id);
    else byText.set(text, [id]);
  };
  const long: string[] = [];
  for (const raw of new Set([...ids].map((id) => oneLine(id)))) {
    const g = graphemes(raw);
    if (g.length <= max) note(raw, raw);
    else long.push(raw);
  }
  const shortened = new Map<string, string[]>();
  for (const id of long) shortened.set(id, graphemes(id));
  const first = new Map<string, string[]>();
  for (const id of long) {
    const text = headTail(shortened.get(id)!, max).join('');
    const list = first.get(text);
    if (list) list.push(id);
    else first.set(text, [id]);
  }
  for (const [text, group] of first) {
    if (group.length === 1 && !texts.has(text)) {
      note(group[0], text);
      continue;
    }
    for (const id of group) {
      const others = group.filter((o) => o !== id).map((o) => shortened.get(o)!);
      // A whole id that reads like this shortened text counts as another id to differ from.
      if (texts.has(text)) others.push(graphemes(text));
      note(id, withMiddle(shortened.get(id)!, others, max).join(''));
    }
  }
  // Last resort: number what still coincides (in the order of the ids), keeping the whole id as it is.
  for (const [text, group] of byText) {
    if (group.length < 2) continue;
    for (const [i, id] of group.entries()) {
      if (i === 0) continue; // a whole id is noted first and keeps its text
      const suffix = ` [${i + 1}]`;
      const g = graphemes(text);
      texts.set(id, [...g.slice(0, Math.max(1, max - suffix.length)), ...suffix].join(''));
    }
  }
  return (id: unknown) => {
    const g = graphemes(texts.get(oneLine(id)) ?? oneLine(id));
    const lines: string[] = [];
    for (let i = 0; i < g.length; i += width) lines.push(g.slice(i, i + width).join(''));
    return lines.length ? lines : [''];
  };
}
