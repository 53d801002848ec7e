import { NONE, MAP, SEQ, SCALAR } from './yaml-index';

/**
 * A parser for the part of YAML that strategy files are written in, about ten times faster than
 * the yaml package (BENCHMARKS.md, "The parse floor and the YAML parser"): block mappings with
 * plain keys, block sequences (also `- key: value` items), one-line plain, single- and
 * double-quoted scalars (common escapes), one-line flow sequences and flow mappings of plain
 * scalars, literal and folded block scalars, comments between entries, after values and after a block's last entry,
 * blank lines, LF and CRLF line ends.
 *
 * Written by hand because no library gives both speed and every node's position (js-yaml is fast
 * but has no node ranges; the yaml package has them and is the slow part). It gives exactly what
 * the yaml package gives for these texts – the same value, the same node ranges, as the yaml
 * package computes them – and declines (returns undefined) everything else: anything it is not
 * sure of, and every text with a mistake, goes to the yaml package, which reports it with its
 * codes, repairs and limits as before. test/yaml-subset.test.ts checks the equivalence on every
 * fixture, generated repositories, mutations of them and random documents.
 */
export interface SubsetIndex {
  /** Node records in NodeIndex's layout (strategy/parse/yaml-index.ts), NONE as -1. */
  data: number[];
  /** Per scalar mapping key: its text. */
  keys: string[];
}

/** The value of a text in the subset, or undefined for any other text. */
export function parseYamlSubset(source: string): { value: unknown } | undefined {
  const root = parseTree(source);
  return root && { value: root.value };
}

/** The node index of a text `parseYamlSubset` accepted (parsed again: the tree is not kept). */
export function indexYamlSubset(source: string): SubsetIndex {
  const root = parseTree(source);
  if (!root) throw new Error('indexYamlSubset: a text outside the subset');
  return flatten(root);
}

function parseTree(source: string): Node | undefined {
  if (UNSUPPORTED.test(source)) return undefined;
  try {
    return new SubsetParser(source).parse();
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

/** Tabs, control and byte-order characters, document markers and directives: the yaml package's. */
const UNSUPPORTED = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)|^(?:---|\.\.\.)(?=[ \r\n]|$)|^%/m;
const DECLINE = new Error('outside the subset');
/** A plain mapping key: identifiers as strategy files use them. */
const KEY = /[A-Za-z0-9_][A-Za-z0-9_./-]*:(?=[ \r\n]|$)/y;
const MAX_DEPTH = 60;
const MAX_KEY_LENGTH = 1000;

const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

interface Node {
  kind: number;
  start: number;
  valueEnd: number;
  end: number;
  /** Mappings: key, value, key, value …; sequences: items. */
  children?: Node[];
  /** A mapping key's text. */
  key?: string;
  value: unknown;
}

class SubsetParser {
  /** Per line: where it starts, where its content ends (before CR LF or LF), where the next starts. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly nexts: number[] = [];
  private readonly indents: number[] = [];
  private readonly kinds: number[] = [];
  private depth = 0;
  /** The comment lines the last `nextContent` skipped: the first (-1: none), least and most indented. */
  private gapFirst = -1;
  private gapMin = 0;
  private gapMax = 0;
  /** The first line of the comment run a collection took into its end (so outer ones leave it). */
  private ownedComments = -1;

  constructor(private readonly src: string) {
    const n = src.length;
    for (let start = 0; start <= n; ) {
      let nl = src.indexOf('\n', start);
      if (nl < 0) nl = n;
      const end = nl > start && src.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let i = start;
      while (i < end && src.charCodeAt(i) === 32) i++;
      this.starts.push(start);
      this.ends.push(end);
      this.nexts.push(nl < n ? nl + 1 : n);
      this.indents.push(i - start);
      this.kinds.push(i === end ? BLANK : src.charCodeAt(i) === 35 ? COMMENT : CONTENT);
      if (nl >= n) break;
      start = nl + 1;
    }
  }

  parse(): Node {
    const first = this.nextContent(0);
    if (first < 0 || this.indents[first] !== 0 || !this.betweenEntries(first)) throw DECLINE;
    const [root, next] = this.isDash(first, 0) ? this.sequence(first, 0) : this.mapping(first, 0, this.starts[first]);
    if (this.nextContent(next) >= 0) throw DECLINE;
    return root;
  }

  /**
   * The first content line from `line` on, skipping blank and comment lines; -1 at the end. The
   * comment lines skipped are noted (`gapMin`, `gapMax` indentation, `gapFirst`, -1 for none) for
   * the caller to place (`betweenEntries`, `closingEnd`).
   */
  private nextContent(line: number): number {
    this.gapFirst = -1;
    for (let l = line; l < this.kinds.length; l++) {
      const k = this.kinds[l];
      if (k === CONTENT) return l;
      if (k === COMMENT) {
        const indent = this.indents[l];
        if (this.gapFirst < 0) [this.gapFirst, this.gapMin, this.gapMax] = [l, indent, indent];
        else [this.gapMin, this.gapMax] = [Math.min(this.gapMin, indent), Math.max(this.gapMax, indent)];
      }
    }
    return -1;
  }

  /**
   * Whether the comment lines before `next` (as `nextContent` noted them) are in no node's range:
   * the yaml package leaves them out when all are as indented as the next content line.
   */
  private betweenEntries(next: number): boolean {
    return this.gapFirst < 0 || this.gapFirst === this.ownedComments || (next >= 0 && this.gapMin === this.indents[next] && this.gapMax === this.indents[next]);
  }

  /**
   * Where a collection at column `col` ends when the next content line `next` (-1: none) closes
   * it, given where its last value ends. As the yaml package does: when a comment line after its
   * last entry is as indented as the collection, its end reaches the next content (its first
   * character) or the end of the text, over every comment and blank line between; comments only
   * less indented are left to an outer collection; comments deeper than it would join a scalar's
   * end: declined. At column 0 the document keeps them (the end stays).
   */
  private closingEnd(col: number, next: number, valueEnd: number): number {
    if (this.gapFirst < 0 || this.gapFirst === this.ownedComments || this.gapMax < col) return valueEnd;
    if (this.gapMax > col) throw DECLINE;
    if (col === 0) return valueEnd;
    this.ownedComments = this.gapFirst;
    return next < 0 ? this.src.length : this.starts[next] + this.indents[next];
  }

  /** Whether line `l` has a sequence dash at column `col` (followed by a space or the line end). */
  private isDash(l: number, col: number): boolean {
    const p = this.starts[l] + col;
    return this.indents[l] === col && this.src.charCodeAt(p) === 45 && (p + 1 === this.ends[l] || this.src.charCodeAt(p + 1) === 32);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
  }

  /** A block mapping whose keys are at column `col`; the first key at `keyPos` on line `line`. Returns the node and the line after it. */
  private mapping(line: number, col: number, keyPos: number): [Node, number] {
    this.enter();
    const children: Node[] = [];
    const value: Record<string, unknown> = {};
    const seen = new Set<string>();
    let l = line;
    let pos = keyPos;
    let valueEnd = keyPos;
    for (;;) {
      KEY.lastIndex = pos;
      if (!KEY.test(this.src) || KEY.lastIndex > this.ends[l] + 1) throw DECLINE;
      const colon = KEY.lastIndex - 1;
      const key = this.checkedKey(pos, colon, seen);
      const keyNode: Node = { kind: SCALAR, start: pos, valueEnd: colon, end: colon, key, value: key };
      const end = this.ends[l];
      const p = this.skipSpaces(colon + 1, end);
      let item: Node;
      let after: number;
      if (this.isLineRest(p, end)) {
        const next = this.nextContent(l + 1);
        if (next >= 0 && (this.indents[next] > col || this.isDash(next, col))) {
          if (!this.betweenEntries(next)) throw DECLINE;
          [item, after] = this.block(next, this.indents[next]);
        }
        // An empty value with a comment: the yaml package's node end then reaches into the next lines.
        // So it does with comment lines after an empty value.
        else if (p < end || this.gapFirst >= 0) throw DECLINE;
        else [item, after] = [{ kind: SCALAR, start: p, valueEnd: p, end: p, value: null }, l + 1];
      } else [item, after] = this.inline(l, p, col);
      children.push(keyNode, item);
      value[key] = item.value;
      valueEnd = item.end;
      const next = this.nextContent(after);
      if (next < 0 || this.indents[next] < col) {
        this.depth--;
        return [{ kind: MAP, start: keyPos, valueEnd, end: this.closingEnd(col, next, valueEnd), children, value }, after];
      }
      if (this.indents[next] > col || this.isDash(next, col) || !this.betweenEntries(next)) throw DECLINE;
      l = next;
      pos = this.starts[l] + col;
    }
  }

  /** A block sequence with its dashes at column `col`, from line `line`. */
  private sequence(line: number, col: number): [Node, number] {
    this.enter();
    const children: Node[] = [];
    const value: unknown[] = [];
    let l = line;
    for (;;) {
      const end = this.ends[l];
      const p = this.skipSpaces(this.starts[l] + col + 1, end);
      let item: Node;
      let after: number;
      if (this.isLineRest(p, end)) {
        const next = this.nextContent(l + 1);
        if (next < 0 || this.indents[next] <= col || !this.betweenEntries(next)) throw DECLINE; // an empty item, or comments to place
        [item, after] = this.block(next, this.indents[next]);
      } else if (this.src.charCodeAt(p) === 45 && (p + 1 === end || this.src.charCodeAt(p + 1) === 32)) {
        throw DECLINE; // a sequence in a sequence item
      } else {
        KEY.lastIndex = p;
        [item, after] = KEY.test(this.src) && KEY.lastIndex <= end + 1 ? this.mapping(l, p - this.starts[l], p) : this.inline(l, p, col);
      }
      children.push(item);
      value.push(item.value);
      const next = this.nextContent(after);
      if (next < 0 || this.indents[next] < col || (this.indents[next] === col && !this.isDash(next, col))) {
        // A sequence at its key's indentation followed by comment lines: the yaml package's node
        // end then takes in the comments and the next key's indentation.
        if (next >= 0 && this.indents[next] === col && this.gapFirst >= 0 && this.gapFirst !== this.ownedComments) throw DECLINE;
        this.depth--;
        const end = this.closingEnd(col, next, item.end);
        return [{ kind: SEQ, start: this.starts[line] + col, valueEnd: item.end, end, children, value: value.slice() }, after];
      }
      if (this.indents[next] > col || !this.betweenEntries(next)) throw DECLINE;
      l = next;
    }
  }

  /** A block collection starting on line `line` at column `col`. */
  private block(line: number, col: number): [Node, number] {
    return this.isDash(line, col) ? this.sequence(line, col) : this.mapping(line, col, this.starts[line] + col);
  }

  /** A value that starts on line `l` at `p`, in a collection at column `col`. */
  private inline(l: number, p: number, col: number): [Node, number] {
    const src = this.src;
    const end = this.ends[l];
    const c = src[p];
    if (c === '|' || c === '>') return this.blockScalar(l, p, col);
    let valueEnd: number;
    let node: Node;
    if (c === '"' || c === "'") {
      let q = p + 1;
      let text: string;
      if (c === '"') {
        for (;;) {
          q = src.indexOf('"', q);
          if (q < 0 || q >= end) throw DECLINE;
          let backslashes = 0;
          while (src.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
          if (backslashes % 2 === 0) break;
          q++;
        }
        text = unescapeDoubleQuoted(src.slice(p + 1, q));
      } else {
        for (;;) {
          q = src.indexOf("'", q);
          if (q < 0 || q >= end) throw DECLINE;
          if (src.charCodeAt(q + 1) !== 39) break;
          q += 2;
        }
        text = src.slice(p + 1, q).replaceAll("''", "'");
      }
      valueEnd = q + 1;
      node = { kind: SCALAR, start: p, valueEnd, end: 0, value: intern(text) };
    } else if (c === '[') {
      node = this.flowSequence(p, end);
      valueEnd = node.valueEnd;
    } else if (c === '{') {
      node = this.flowMapping(p, end);
      valueEnd = node.valueEnd;
    } else {
      if (cannotStartPlain(c, p + 1 < end ? src[p + 1] : undefined)) throw DECLINE;
      valueEnd = this.commentStart(p, end);
      while (src.charCodeAt(valueEnd - 1) === 32) valueEnd--;
      const text = src.slice(p, valueEnd);
      if (text.includes(': ') || text.endsWith(':')) throw DECLINE;
      node = { kind: SCALAR, start: p, valueEnd, end: 0, value: resolvePlain(text) };
    }
    node.end = this.lineRest(l, valueEnd);
    return [node, l + 1];
  }

  /** The key from `start` to `colon`, when it is a plain string key met for the first time in its mapping (`seen`). */
  private checkedKey(start: number, colon: number, seen: Set<string>): string {
    const key = this.src.slice(start, colon);
    if (key.length > MAX_KEY_LENGTH || key === '__proto__' || seen.has(key) || typeof resolvePlain(key) !== 'string') throw DECLINE;
    seen.add(key);
    return key;
  }

  /** The first position from `from` on that is no space, or the line's end `end`. */
  private skipSpaces(from: number, end: number): number {
    let p = from;
    while (p < end && this.src.charCodeAt(p) === 32) p++;
    return p;
  }

  /** Whether nothing but a comment follows at `p` on a line that ends at `end` (after an indicator and spaces). */
  private isLineRest(p: number, end: number): boolean {
    return p === end || this.src.charCodeAt(p) === 35;
  }

  /** Where a comment (` #`) starts between `from` and the line's end `end`, else `end`: searched on this line only, so that a file costs linear time. */
  private commentStart(from: number, end: number): number {
    for (let i = from; i < end - 1; i++) if (this.src.charCodeAt(i) === 32 && this.src.charCodeAt(i + 1) === 35) return i;
    return end;
  }

  /** After a value on line `l`: spaces and a comment to the line's end; where the node ends (after the line break). */
  private lineRest(l: number, from: number): number {
    const end = this.ends[l];
    const q = this.skipSpaces(from, end);
    if (q < end && (q === from || this.src.charCodeAt(q) !== 35)) throw DECLINE;
    return this.nexts[l];
  }

  /** `{a: b, c: d}` on one line, keys as in block mappings, values plain (as `strategy new measure` suggests for funding and milestones). */
  private flowMapping(open: number, end: number): Node {
    const src = this.src;
    const children: Node[] = [];
    const value: Record<string, unknown> = {};
    const seen = new Set<string>();
    let i = this.skipSpaces(open + 1, end);
    if (src[i] !== '}') {
      for (;;) {
        KEY.lastIndex = i;
        if (!KEY.test(src) || KEY.lastIndex > end) throw DECLINE;
        const colon = KEY.lastIndex - 1;
        const key = this.checkedKey(i, colon, seen);
        children.push({ kind: SCALAR, start: i, valueEnd: colon, end: colon, key, value: key });
        const item = this.flowItem(this.skipSpaces(colon + 1, end), end, '}');
        children.push(item);
        value[key] = item.value;
        i = item.end;
        if (src[i] === '}') break;
        i = this.skipSpaces(i + 1, end);
        if (i >= end || src[i] === '}' || src[i] === ',') throw DECLINE;
      }
    }
    return { kind: MAP, start: open, valueEnd: i + 1, end: 0, children, value };
  }

  /**
   * A plain value in a flow collection from `start` to the next `,` or `close` on the line (which
   * is where its node ends, spaces included, as in the yaml package).
   */
  private flowItem(start: number, end: number, close: string): Node {
    const src = this.src;
    let i = start;
    while (i < end && src[i] !== ',' && src[i] !== close) i++;
    if (i >= end || FLOW_ITEM_NEVER.test(src.slice(start, i))) throw DECLINE;
    let valueEnd = i;
    while (src.charCodeAt(valueEnd - 1) === 32) valueEnd--;
    const text = src.slice(start, valueEnd);
    if (!text || cannotStartPlain(text[0], text[1])) throw DECLINE;
    return { kind: SCALAR, start, valueEnd, end: i, value: resolvePlain(text) };
  }

  /** `[a, b]` on one line, items plain. */
  private flowSequence(open: number, end: number): Node {
    const src = this.src;
    const children: Node[] = [];
    const value: unknown[] = [];
    let i = this.skipSpaces(open + 1, end);
    if (src[i] !== ']') {
      for (;;) {
        const item = this.flowItem(i, end, ']');
        children.push(item);
        value.push(item.value);
        i = item.end;
        if (src[i] === ']') break;
        i = this.skipSpaces(i + 1, end);
        if (i >= end || src[i] === ']' || src[i] === ',') throw DECLINE;
      }
    }
    return { kind: SEQ, start: open, valueEnd: i + 1, end: 0, children, value: value.slice() };
  }

  /** `|` or `>` (with `-` or no chomping indicator) and its lines, more indented than `col`. */
  private blockScalar(l: number, p: number, col: number): [Node, number] {
    const src = this.src;
    const folded = src[p] === '>';
    let h = p + 1;
    const strip = src[h] === '-';
    if (strip) h++;
    this.lineRest(l, h);
    const first = l + 1;
    if (first >= this.kinds.length || this.kinds[first] === BLANK) throw DECLINE; // empty, or leading blank lines
    const indent = this.indents[first];
    if (indent <= col) throw DECLINE;
    let text = '';
    let blanks = 0;
    let last = first;
    for (let i = first; i < this.kinds.length; i++) {
      if (this.kinds[i] === BLANK) {
        if (this.ends[i] - this.starts[i] > indent) throw DECLINE; // spaces beyond the indentation are content
        blanks++;
        continue;
      }
      if (this.indents[i] < indent) break;
      if (this.indents[i] > indent) throw DECLINE; // more-indented lines keep their breaks: not handled
      const line = src.slice(this.starts[i] + indent, this.ends[i]);
      if (i === first) text = line;
      else text += (folded ? (blanks ? '\n'.repeat(blanks) : ' ') : '\n'.repeat(blanks + 1)) + line;
      blanks = 0;
      last = i;
    }
    if (!strip) text += '\n';
    const end = this.nexts[last];
    return [{ kind: SCALAR, start: p, valueEnd: end, end, value: text }, last + 1];
  }
}

/** Plain scalars never start with these (indicators; the yaml package errs or reads something else; `[` and `{` start flow collections). */
const PLAIN_START_NEVER = '&*!{}[],#|>\'"%@`';
/** …nor with these followed by a space or the line's end. */
const PLAIN_START_SPACED = '-?:';

/** Whether a plain scalar cannot start with `first` followed by `second` (undefined: the line's end). */
function cannotStartPlain(first: string, second: string | undefined): boolean {
  return PLAIN_START_NEVER.includes(first) || (PLAIN_START_SPACED.includes(first) && (second === undefined || second === ' '));
}
/** Characters that make a flow item something else than a plain scalar (or that the subset leaves out). */
const FLOW_ITEM_NEVER = /[[\]{}"'#:&*!|>?]/;

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

/** The common escapes of a double-quoted scalar; others (\x, \u, a line-end backslash …) decline. */
function unescapeDoubleQuoted(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(.?)/g, (_, c: string) => {
    const e = ESCAPES[c];
    if (e === undefined) throw DECLINE;
    return e;
  });
}

/**
 * One string for each short text: a repository repeats the same statuses, ids and dates thousands
 * of times, and they are kept for the session (about 4 MB at 5,000 measures, BENCHMARKS.md).
 * Bounded: the table starts anew when full.
 */
const INTERNED_MAX_LENGTH = 40;
const INTERNED_MAX_COUNT = 50_000;
const interned = new Map<string, string>();

function intern(s: string): string {
  if (s.length > INTERNED_MAX_LENGTH) return s;
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size >= INTERNED_MAX_COUNT) interned.clear();
  interned.set(s, s);
  return s;
}

/** A plain scalar's value under the YAML 1.2 core schema, tested in the yaml package's order. */
function resolvePlain(s: string): unknown {
  // Every number form starts with a sign, a dot or a digit; other texts are null, a boolean or a string.
  if (s === '' || !NUMBER_START.test(s)) {
    const word = WORDS.get(s);
    return word !== undefined ? word : intern(s);
  }
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return intern(s);
}

const NUMBER_START = /^[-+.0-9]/;
/** The core schema's null (`/^(?:~|[Nn]ull|NULL)?$/`) and boolean (`/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/`) words. */
const WORDS = new Map<string, null | boolean>([
  ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null],
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
]);

/** The node tree as NodeIndex records, in pre-order. */
function flatten(root: Node): SubsetIndex {
  const data: number[] = [];
  const keys: string[] = [];
  const write = (n: Node, slot: number): void => {
    if (slot >= 0) data[slot] = data.length;
    const kids = n.children;
    if (n.kind === SCALAR) {
      data.push(SCALAR, n.start, n.valueEnd, n.end, n.key === undefined ? NONE : keys.length);
      if (n.key !== undefined) keys.push(n.key);
      return;
    }
    const count = n.kind === MAP ? kids!.length / 2 : kids!.length;
    data.push(n.kind, n.start, n.valueEnd, n.end, count);
    const base = data.length;
    for (let i = 0; i < kids!.length; i++) data.push(NONE);
    for (let i = 0; i < kids!.length; i++) write(kids![i], base + i);
  };
  write(root, NONE);
  return { data, keys };
}
