import { Composer, Parser, YAMLParseError, isMap, isSeq, isScalar, type CST, type Document } from 'yaml';
import type { LineIndex } from '../text';
import type { Path, Range } from '../types';

/** Bounds that keep hostile YAML (alias bombs, deep nesting) from exhausting memory or stack. */
export const YAML_LIMITS = { maxAliasCount: 100, maxDepth: 64 };
/** Composing recurses (several frames per level; Node's default stack overflows near 1,000 levels). */
const SAFE_COMPOSE_DEPTH = 256;

export interface YamlProblem {
  code: string;
  message: string;
  range: Range;
}

/**
 * One YAML text (a whole file or a front-matter block) with the ranges of all its nodes. Only a
 * compact index of the nodes (kind, range, entries) is kept, not the yaml package's document:
 * that document takes several times the memory of the file, and a large repository is
 * thousands of files held at once (see BENCHMARKS.md).
 */
export class YamlSource {
  private readonly index: NodeIndex;
  readonly problems: YamlProblem[] = [];
  readonly value: unknown;

  constructor(
    text: string,
    readonly lines: LineIndex,
    /** Where `text` starts in the file: front matter starts after the opening fence. */
    readonly baseOffset = 0,
  ) {
    // YAML 1.2 counts a lone CR as a line break, the yaml package does not; same length, same offsets.
    const source = text.replace(/\r(?!\n)/g, '\n');
    const tokens = Array.from(new Parser().parse(source));
    // Depth is checked on the syntax tree before composing: composing recurses, and where a stack
    // overflow would hit (the yaml package catches it) depends on the caller's stack, not on the
    // file. Up to SAFE_COMPOSE_DEPTH the document is still composed, for its syntax errors.
    const { tooDeep, beyondBound } = nesting(tokens, YAML_LIMITS.maxDepth + 1, SAFE_COMPOSE_DEPTH);
    const doc = composeFirst(beyondBound ? [] : tokens, source.length);
    this.index = indexNodes(doc.contents);
    // The whole file is not evaluated, so the finding covers the document (as the check on values below).
    if (tooDeep) this.problems.push({ code: 'DEPTH', message: `nesting deeper than ${YAML_LIMITS.maxDepth} levels`, range: this.rootRange() });
    for (const e of [...doc.errors, ...doc.warnings]) {
      this.problems.push({ code: e.code, message: firstLine(e.message), range: this.range(e.pos[0], e.pos[1]) });
    }
    let value: unknown = null;
    if (doc.errors.length === 0 || doc.contents) {
      try {
        value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
        const depth = maxDepth(value, YAML_LIMITS.maxDepth + 1);
        if (depth > YAML_LIMITS.maxDepth) {
          this.problems.push({ code: 'DEPTH', message: `nesting deeper than ${YAML_LIMITS.maxDepth} levels`, range: this.rootRange() });
          value = null;
        }
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const code = /alias/i.test(msg) ? 'ALIAS_COUNT' : 'TO_JS';
        this.problems.push({ code, message: firstLine(msg), range: this.rootRange() });
        value = null;
      }
    }
    this.value = value;
  }

  range(start: number, end: number): Range {
    return this.lines.range(this.baseOffset + start, this.baseOffset + end);
  }

  rootRange(): Range {
    const c = this.index.root;
    if (c >= 0) return this.range(this.index.start(c), this.index.valueEnd(c));
    return this.range(0, 0);
  }

  /** The whole file's text (not only this YAML block). */
  get fullText(): string {
    return this.lines.text;
  }

  get root(): YamlNode | null {
    return this.handle(this.index.root);
  }

  /** The range of the value at `path` below `from` (or of the nearest existing ancestor's key). */
  locate(path: Path, target: 'value' | 'key' = 'value', from: YamlNode | null = this.root): Range {
    const ix = this.index;
    let node = from ? from.at : NONE;
    let pairKey = NONE;
    let pairValue = NONE;
    for (const seg of path) {
      const kind = ix.kind(node);
      if (kind === MAP) {
        const entry = ix.entry(node, String(seg));
        if (entry < 0) break;
        pairKey = ix.data[entry];
        pairValue = ix.data[entry + 1];
        if (pairValue < 0) {
          node = NONE;
          break;
        }
        node = pairValue;
      } else if (kind === SEQ && typeof seg === 'number' && seg < ix.count(node)) {
        pairKey = pairValue = NONE;
        node = ix.item(node, seg);
      } else break;
    }
    if (target === 'key' && pairKey >= 0 && pairValue === node) return this.range(ix.start(pairKey), ix.valueEnd(pairKey));
    if (node >= 0) return this.range(ix.start(node), ix.valueEnd(node));
    if (pairKey >= 0) return this.range(ix.start(pairKey), ix.valueEnd(pairKey));
    return this.rootRange();
  }

  /** The source text of a scalar as written (e.g. `150.000`), or undefined. */
  sourceText(path: Path, from: YamlNode | null = this.root): string | undefined {
    const node = this.walk(path, from);
    return this.index.kind(node) === SCALAR ? this.index.sources[this.index.data[node + 4]] : undefined;
  }

  /** Source text of the scalar node at a path, taken from the raw text by range. */
  rawText(path: Path, text: string, from: YamlNode | null = this.root): string | undefined {
    const node = this.walk(path, from);
    return this.index.kind(node) === SCALAR ? text.slice(this.index.start(node), this.index.valueEnd(node)) : undefined;
  }

  /** The child nodes of a top-level sequence (files with several measures). */
  sequenceItems(): Array<YamlNode | null> {
    const ix = this.index;
    if (ix.kind(ix.root) !== SEQ) return [];
    return Array.from({ length: ix.count(ix.root) }, (_, i) => this.handle(ix.item(ix.root, i)));
  }

  /** The `i`-th item of the sequence under `key` in the root mapping (a catalogue entry), if any. */
  itemOf(key: string, i: number): YamlNode | null {
    const ix = this.index;
    if (ix.kind(ix.root) !== MAP) return null;
    const entry = ix.entry(ix.root, key);
    const seq = entry < 0 ? NONE : ix.data[entry + 1];
    return ix.kind(seq) === SEQ && i >= 0 && i < ix.count(seq) ? this.handle(ix.item(seq, i)) : null;
  }

  private handle(at: number): YamlNode | null {
    return at >= 0 ? new YamlNode(this.index, at) : null;
  }

  /** The node at `path` (mappings by key, sequences by index), or NONE. */
  private walk(path: Path, from: YamlNode | null): number {
    const ix = this.index;
    let node = from ? from.at : NONE;
    for (const seg of path) {
      const kind = ix.kind(node);
      if (kind === MAP) {
        const entry = ix.entry(node, String(seg));
        node = entry < 0 ? NONE : ix.data[entry + 1];
      } else if (kind === SEQ && typeof seg === 'number') node = Number.isInteger(seg) && seg >= 0 && seg < ix.count(node) ? ix.item(node, seg) : NONE;
      else return NONE;
    }
    return node;
  }
}

const NONE = -1;
const MAP = 1;
const SEQ = 2;
const SCALAR = 3;
const OTHER = 4;

/**
 * All nodes of one YAML document in one integer array. A node is the offset of its record:
 * kind, range (start, value end, node end, as the yaml package gives them), then for a mapping
 * its entry count and per entry the key and value node; for a sequence its item count and items;
 * for a scalar the slot of its source text and key text. Missing nodes are NONE.
 */
class NodeIndex {
  constructor(
    readonly data: Int32Array,
    /** Scalars: the source as the yaml package keeps it (`node.source`), per slot. */
    readonly sources: Array<string | undefined>,
    /** Scalars: `String(value)`, how a key is matched, where it differs from the source. */
    readonly keyTexts: Array<string | undefined>,
  ) {}

  get root(): number {
    return this.data.length ? 0 : NONE;
  }
  kind(node: number): number {
    return node >= 0 ? this.data[node] : 0;
  }
  start(node: number): number {
    return this.data[node + 1];
  }
  valueEnd(node: number): number {
    return this.data[node + 2];
  }
  count(node: number): number {
    return this.data[node + 4];
  }
  item(seq: number, i: number): number {
    return this.data[seq + 5 + i];
  }
  /** The offset of the first entry of `map` whose key is a scalar with `String(value) === key`, or NONE. */
  entry(map: number, key: string): number {
    const d = this.data;
    const end = map + 5 + 2 * d[map + 4];
    for (let e = map + 5; e < end; e += 2) {
      const k = d[e];
      if (k >= 0 && d[k] === SCALAR) {
        const slot = d[k + 4];
        if ((this.keyTexts[slot] ?? this.sources[slot]) === key) return e;
      }
    }
    return NONE;
  }
}

/** Builds the index without recursion (nesting may be deep in hostile files). */
function indexNodes(root: unknown): NodeIndex {
  const data: number[] = [];
  const sources: Array<string | undefined> = [];
  const keyTexts: Array<string | undefined> = [];
  const work: Array<[unknown, number]> = root ? [[root, NONE]] : [];
  while (work.length) {
    const [n, slot] = work.pop()!;
    const at = data.length;
    if (slot >= 0) data[slot] = at;
    const r = (n as { range?: [number, number, number] }).range ?? [0, 0, 0];
    if (isMap(n)) {
      data.push(MAP, r[0], r[1], r[2], n.items.length);
      const base = data.length;
      for (let i = 0; i < n.items.length; i++) data.push(NONE, NONE);
      n.items.forEach((p, i) => {
        if (p.key) work.push([p.key, base + 2 * i]);
        if (p.value) work.push([p.value, base + 2 * i + 1]);
      });
    } else if (isSeq(n)) {
      data.push(SEQ, r[0], r[1], r[2], n.items.length);
      const base = data.length;
      for (let i = 0; i < n.items.length; i++) data.push(NONE);
      n.items.forEach((item, i) => {
        if (item) work.push([item, base + i]);
      });
    } else if (isScalar(n)) {
      const source = typeof n.source === 'string' ? n.source : undefined;
      const keyText = String(n.value);
      data.push(SCALAR, r[0], r[1], r[2], sources.length);
      sources.push(source);
      keyTexts.push(keyText === source ? undefined : keyText);
    } else data.push(OTHER, r[0], r[1], r[2], 0); // an alias or a node of another kind
  }
  return new NodeIndex(Int32Array.from(data), sources, keyTexts);
}

/**
 * A node of a YamlSource (a measure's mapping, a catalogue entry …): pass it to `locate` and the
 * other lookups of its source. `range` and `items` mirror the yaml package's nodes.
 */
export class YamlNode {
  constructor(
    private readonly index: NodeIndex,
    /** The node's record in its source's index. */
    readonly at: number,
  ) {}

  get kind(): 'map' | 'seq' | 'scalar' | 'other' {
    const k = this.index.kind(this.at);
    return k === MAP ? 'map' : k === SEQ ? 'seq' : k === SCALAR ? 'scalar' : 'other';
  }

  /** Offsets in the YAML text: start, end of the value, end of the node (with a trailing comment). */
  get range(): [number, number, number] {
    const d = this.index.data;
    return [d[this.at + 1], d[this.at + 2], d[this.at + 3]];
  }

  /** A mapping's entries (key and value), or a sequence's items; empty for scalars. */
  get items(): Array<{ key: YamlNode | null; value: YamlNode | null }> | Array<YamlNode | null> {
    const ix = this.index;
    const node = (at: number) => (at >= 0 ? new YamlNode(ix, at) : null);
    const k = ix.kind(this.at);
    if (k === MAP) return Array.from({ length: ix.count(this.at) }, (_, i) => ({ key: node(ix.data[this.at + 5 + 2 * i]), value: node(ix.data[this.at + 6 + 2 * i]) }));
    if (k === SEQ) return Array.from({ length: ix.count(this.at) }, (_, i) => node(ix.item(this.at, i)));
    return [];
  }
}

const OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' } as const;

/** What `parseDocument` does (first document; a second one is an error), from tokens parsed already. logLevel 'error': no warnings printed with process.emitWarning. */
function composeFirst(tokens: CST.Token[], length: number): Document.Parsed {
  const composer = new Composer(OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, length)) {
    if (!doc) doc = d as Document.Parsed;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

/**
 * Nesting of the syntax tree, walked without recursion: whether a collection has more than `limit`
 * collections around it (itself included), and whether one has more than `bound`.
 */
function nesting(tokens: CST.Token[], limit: number, bound: number): { tooDeep: boolean; beyondBound: boolean } {
  let tooDeep = false;
  const stack: Array<[CST.Token | undefined, number]> = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [t, d] = stack.pop()!;
    if (!t) continue;
    if (t.type === 'document') stack.push([t.value, d]);
    else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      if (d + 1 > limit) tooDeep = true;
      if (d + 1 > bound) return { tooDeep, beyondBound: true };
      for (const item of t.items) stack.push(['key' in item ? (item.key ?? undefined) : undefined, d + 1], [item.value, d + 1]);
    }
  }
  return { tooDeep, beyondBound: false };
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function maxDepth(v: unknown, limit: number): number {
  // Iterative to stay safe on hostile depth.
  let best = 0;
  const stack: Array<[unknown, number]> = [[v, 0]];
  const seen = new Set<unknown>();
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (d > best) best = d;
    if (best >= limit) return best;
    if (x && typeof x === 'object' && !seen.has(x)) {
      seen.add(x);
      for (const c of Array.isArray(x) ? x : Object.values(x)) if (c && typeof c === 'object') stack.push([c, d + 1]);
    }
  }
  return best;
}
