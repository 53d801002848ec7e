/**
 * Recovery from two everyday YAML mistakes, so that one mistake gives one finding instead of a
 * cascade: a tab in the indentation, and an unquoted value with a colon (`title: KI: Übersetzung`).
 * The text is repaired as the author evidently meant it and parsed again; offsets in the repaired
 * text map back to the file (`toOriginal`), so every other finding still points at the file.
 */

/** One repair, in offsets of the original YAML text. */
export interface Repair {
  kind: 'tab' | 'colon';
  start: number;
  end: number;
  /** The text that repairs the file at `start`–`end` (spaces for the tabs, the quoted value). */
  newText: string;
  /** Whether the repair is certain (see Fix.safe): a quoted value always, spaces for a tab when they line up with a neighbour. */
  safe: boolean;
  /** For a colon: the key whose value is quoted. */
  key?: string;
}

export interface Repaired {
  text: string;
  repairs: Repair[];
  /** An offset in the repaired text → the offset in the original text. */
  toOriginal(offset: number): number;
}

/** Most lines one file may have repaired (see `repairYaml`). */
export const MAX_REPAIRS = 50;

interface Insertion {
  /** Offset in the original text. */
  at: number;
  /** Characters removed there in the original, and the text put in their place. */
  removed: number;
  inserted: number;
}

/** A plain (unquoted) block value, up to a comment: where a `: ` inside it makes YAML read a nested mapping. */
const KEY_VALUE = /^([ \t]*(?:-[ \t]+)*)([A-Za-z_][\w.-]*)(:[ \t]+)(.*?)([ \t]+#.*)?$/;
const PLAIN_START = /^[^'"{[|>&*!#%@`]/;

/** Quotes a value as YAML reads it back exactly: double quotes unless it holds `"` or `\`, else single quotes. */
export function quoteYaml(value: string): string {
  if (!/["\\]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Repairs the lines `tabLines` (tabs in their indentation) and `colonLines` (a value with `: `),
 * given as 0-based line numbers. Returns undefined when nothing on those lines can be repaired.
 */
export function repairYaml(text: string, tabLines: ReadonlySet<number>, colonLines: ReadonlySet<number>): Repaired | undefined {
  const lines = text.split('\n');
  const repairs: Repair[] = [];
  const edits: Insertion[] = [];
  /** Indentations seen so far (a line's indent, and the column after each `- `). */
  const indents = new Set<number>([0]);
  let offset = 0;
  let previousContent = 0;
  let previousOpensBlock = false;
  const out: string[] = [];
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    const lineStart = offset;
    offset += line.length + 1;
    const cr = line.endsWith('\r') ? '\r' : '';
    if (cr) line = line.slice(0, -1);
    const lead = /^[ \t]*/.exec(line)![0];
    if (tabLines.has(n) && lead.includes('\t') && line.trim() !== '') {
      const { spaces, aligned } = expandIndent(lead, { previousContent, opensBlock: previousOpensBlock, next: nextIndent(lines, n), indents });
      repairs.push({ kind: 'tab', start: lineStart, end: lineStart + lead.length, newText: spaces, safe: aligned });
      edits.push({ at: lineStart, removed: lead.length, inserted: spaces.length });
      line = spaces + line.slice(lead.length);
    } else if (tabLines.has(n) && /^ *-\t[ \t]*\S/.test(line)) {
      // A tab after a sequence dash: a space, or as many as line the item up with the line below.
      const sep = /^ *-([ \t]+)/.exec(line)!;
      const dashEnd = sep[0].length - sep[1].length;
      const next = nextIndent(lines, n);
      const spaces = ' '.repeat(next !== undefined && next > dashEnd ? next - dashEnd : 1);
      repairs.push({ kind: 'tab', start: lineStart + dashEnd, end: lineStart + sep[0].length, newText: spaces, safe: next === dashEnd + spaces.length });
      edits.push({ at: lineStart + dashEnd, removed: sep[1].length, inserted: spaces.length });
      line = line.slice(0, dashEnd) + spaces + line.slice(sep[0].length);
    } else if (colonLines.has(n)) {
      const m = KEY_VALUE.exec(line);
      const value = m?.[4] ?? '';
      if (m && PLAIN_START.test(value) && /:(?:[ \t]|$)/.test(value)) {
        const at = lineStart + m[1].length + m[2].length + m[3].length;
        const quoted = quoteYaml(value);
        repairs.push({ kind: 'colon', start: at, end: at + value.length, newText: quoted, safe: true, key: m[2] });
        edits.push({ at, removed: value.length, inserted: quoted.length });
        line = line.slice(0, at - lineStart) + quoted + line.slice(at - lineStart + value.length);
      }
    }
    out.push(line + cr);
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      const indent = /^ */.exec(line)![0].length;
      indents.add(indent);
      let content = indent;
      while (line.startsWith('- ', content) || line.startsWith('-\t', content)) {
        content += 2;
        while (line[content] === ' ') content++;
        indents.add(content);
      }
      previousContent = content;
      previousOpensBlock = /:[ \t]*(#.*)?$/.test(line);
    }
  }
  // A file with many such lines is not one everyday mistake: its errors are reported as they are
  // (and mapping offsets stays cheap: every node's range passes through `toOriginal`).
  if (!repairs.length || repairs.length > MAX_REPAIRS) return undefined;
  return { text: out.join('\n'), repairs, toOriginal: offsetMap(edits) };
}

/**
 * Spaces for an indentation with tabs. Tab widths 2, 4 and 8 are tried: the first that lines the
 * line up with a sibling wins (certain): the previous line's content (unless that line opens a
 * block), else the next line's indentation. The first line of a block takes the indentation of
 * the next line if that is deeper (certain too). Else, below a line that opens a block, the first
 * width that indents deeper; else the first that lines up with an indentation above (guesses).
 */
function expandIndent(lead: string, near: { previousContent: number; opensBlock: boolean; next: number | undefined; indents: ReadonlySet<number> }): { spaces: string; aligned: boolean } {
  const width = (tab: number) => {
    let col = 0;
    for (const c of lead) col = c === '\t' ? (Math.floor(col / tab) + 1) * tab : col + 1;
    return col;
  };
  const tabs = [2, 4, 8];
  const pick = (ok: (w: number) => boolean) => tabs.map(width).find(ok);
  const sibling = (!near.opensBlock ? pick((w) => w === near.previousContent) : undefined) ?? pick((w) => w === near.next && (!near.opensBlock || w > near.previousContent));
  if (sibling !== undefined) return { spaces: ' '.repeat(sibling), aligned: true };
  // The first line of a block, indented like the line below it (which has spaces only).
  if (near.opensBlock && near.next !== undefined && near.next > near.previousContent) return { spaces: ' '.repeat(near.next), aligned: true };
  const guess = (near.opensBlock ? pick((w) => w > near.previousContent) : pick((w) => near.indents.has(w) && w <= near.previousContent)) ?? width(2);
  return { spaces: ' '.repeat(guess), aligned: false };
}

/** The indentation of the next line with content, if it is indented with spaces only. */
function nextIndent(lines: readonly string[], n: number): number | undefined {
  for (let i = n + 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const lead = /^[ \t]*/.exec(line)![0];
    return lead.includes('\t') ? undefined : lead.length;
  }
  return undefined;
}

function offsetMap(edits: Insertion[]): (offset: number) => number {
  return (offset) => {
    let shift = 0;
    for (const e of edits) {
      const repairedStart = e.at + shift;
      if (offset < repairedStart) break;
      // Inside the repaired text of this edit: its start, or its end when at or past the end.
      if (offset < repairedStart + e.inserted) return offset === repairedStart ? e.at : Math.min(e.at + e.removed, e.at + (offset - repairedStart));
      shift += e.inserted - e.removed;
    }
    return offset - shift;
  };
}
