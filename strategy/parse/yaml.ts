import { Composer, Lexer, Parser, YAMLParseError, isMap, isSeq, isScalar, type CST, type Document } from 'yaml';
import type { LineIndex } from '../text';
import { repairYaml, type Repair } from './repair';
import { parseYamlSubset, indexYamlSubset } from './yaml-subset';
import { NodeIndex, NONE, MAP, SEQ, SCALAR, OTHER } from './yaml-index';
import type { Path, Range } from '../types';
import { emptyList } from '../arrays';

/**
 * Bounds that keep hostile YAML (alias bombs, deep nesting) from exhausting memory or stack.
 * `expansionAllowance`: with aliases expanded, a document may hold at most as many values as its
 * text has characters plus this many (without aliases it never holds more values than characters).
 */
export const YAML_LIMITS = { maxAliasCount: 100, maxDepth: 64, expansionAllowance: 10_000, maxTokens: 500_000 };
/** Texts shorter than this cannot hold `maxTokens` tokens worth counting (most files are a few KB). */
const TOKEN_COUNT_FROM = 200_000;
/** Composing recurses (several frames per level; Node's default stack overflows near 1,000 levels). */
const SAFE_COMPOSE_DEPTH = 256;

export interface YamlProblem {
  code: string;
  message: string;
  range: Range;
  /** For UNQUOTED_COLON: the key whose value needs quotes. */
  key?: string;
  /** The text that repairs the mistake (a recovered tab or colon). */
  fix?: { range: Range; newText: string; safe: boolean };
  /** The limit exceeded, for limits that depend on the file (ALIAS_EXPANSION). */
  limit?: number;
}

/**
 * One YAML text (a whole file or a front-matter block) with the ranges of all its nodes. Read by
 * the subset parser (strategy/parse/yaml-subset.ts) when the text is in the subset, else by the
 * yaml package. Only a compact index of the nodes (kind, range, entries) is kept, not the yaml
 * package's document: that document takes several times the memory of the file, and a large
 * repository is thousands of files held at once (see BENCHMARKS.md).
 */
export class YamlSource {
  /** Built at once by the yaml package path; for the subset parser on the first question about positions. */
  private built: NodeIndex | undefined;
  readonly problems: YamlProblem[];
  readonly value: unknown;
  /** Which parser read the text: the subset parser (strategy/parse/yaml-subset.ts) or the yaml package. */
  readonly parsedBy: 'subset' | 'yaml';
  /**
   * The text the subset parser read, parsed again for positions: most files are never asked for
   * one (only where something is reported), and the node index is a large part of a repository's
   * memory (BENCHMARKS.md).
   */
  private readonly subsetText: string | undefined;

  constructor(
    text: string,
    readonly lines: LineIndex,
    /** Where `text` starts in the file: front matter starts after the opening fence. */
    readonly baseOffset = 0,
    /** `subset: false` always uses the yaml package (the equivalence tests compare both). */
    options: { subset?: boolean } = {},
  ) {
    // YAML 1.2 counts a lone CR as a line break, the yaml package does not; same length, same offsets.
    const source = text.replace(/\r(?!\n)/g, '\n');
    const subset = options.subset === false || source.length >= TOKEN_COUNT_FROM ? undefined : parseYamlSubset(source);
    if (subset) {
      this.value = subset.value;
      this.subsetText = source;
      this.parsedBy = 'subset';
      this.problems = emptyList<YamlProblem>();
      return;
    }
    this.parsedBy = 'yaml';
    this.problems = [];
    // The yaml package needs about 1.5 KB of memory and 10 µs per token: a 2 MB list of a million
    // values would take a gigabyte and many seconds. The lexer alone streams (no tree), so count first.
    if (source.length >= TOKEN_COUNT_FROM && tooManyTokens(source, YAML_LIMITS.maxTokens)) {
      this.built = indexNodes(null, (o: number) => o);
      this.problems.push({ code: 'TOKENS', message: `more than ${YAML_LIMITS.maxTokens} tokens`, range: this.range(0, 0), limit: YAML_LIMITS.maxTokens });
      this.value = null;
      return;
    }
    const first = composeText(source);
    // A tab in the indentation or an unquoted value with a colon: parse the text as meant, report the mistake once.
    const recovered = first.repairable ? recover(source, first) : undefined;
    const { doc, tooDeep } = recovered ?? first;
    const toOriginal = recovered?.toOriginal ?? ((o: number) => o);
    this.built = indexNodes(doc.contents, toOriginal);
    // The whole file is not evaluated, so the finding covers the document (as the check on values below).
    if (tooDeep) this.problems.push({ code: 'DEPTH', message: `nesting deeper than ${YAML_LIMITS.maxDepth} levels`, range: this.rootRange() });
    for (const r of recovered?.repairs ?? []) {
      const range = this.range(r.start, r.end);
      this.problems.push({ code: r.kind === 'tab' ? 'TAB_AS_INDENT' : 'UNQUOTED_COLON', message: '', range, ...(r.key ? { key: r.key } : {}), fix: { range, newText: r.newText, safe: r.safe } });
    }
    for (const e of [...doc.errors, ...doc.warnings]) {
      this.problems.push({ code: e.code, message: firstLine(e.message), range: this.range(toOriginal(e.pos[0]), toOriginal(e.pos[1])) });
    }
    let value: unknown = null;
    if (doc.errors.length === 0 || doc.contents) {
      try {
        const settled = settle(doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }), YAML_LIMITS.maxDepth + 1);
        value = settled.value;
        const depth = settled.depth;
        const maxValues = source.length + YAML_LIMITS.expansionAllowance;
        if (depth > YAML_LIMITS.maxDepth) {
          this.problems.push({ code: 'DEPTH', message: `nesting deeper than ${YAML_LIMITS.maxDepth} levels`, range: this.rootRange() });
          value = null;
        } else if (settled.shared && expandedSize(value, maxValues) > maxValues) {
          // Rules and outputs walk the value as a tree: a list reached through 97 aliases is 97 lists.
          this.problems.push({ code: 'ALIAS_EXPANSION', message: `aliases expand the document to more than ${maxValues} values`, range: this.rootRange(), limit: maxValues });
          value = null;
        }
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        // An unresolved alias is a plain mistake, not an alias bomb: only the count limit is ALIAS_COUNT.
        const code = /excessive alias count/i.test(msg) ? 'ALIAS_COUNT' : /unresolved alias/i.test(msg) ? 'BAD_ALIAS' : 'TO_JS';
        this.problems.push({ code, message: firstLine(msg), range: this.rootRange() });
        value = null;
      }
    }
    this.value = value;
  }

  /** The node index (kept once built). Internal to the YAML layer: rules use `locate` and the lookups below. */
  get index(): NodeIndex {
    if (!this.built) {
      const { data, keys } = indexYamlSubset(this.subsetText!);
      this.built = NodeIndex.fromRecords(data, keys);
    }
    return this.built;
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
    // The subset parser never gives an empty document, and its root is record 0: no index needed yet.
    return this.subsetText !== undefined ? new YamlNode(this, 0) : this.handle(this.index.root);
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
        pairKey = ix.ref(entry);
        pairValue = ix.ref(entry + 1);
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

  /**
   * A scalar's text as written in the file (quotes included), or undefined. Read by offset:
   * unlike `locate`, it needs no line index, which a file gets only when something is reported.
   */
  rawText(path: Path, from: YamlNode | null = this.root): string | undefined {
    const node = this.walk(path, from);
    return this.index.kind(node) === SCALAR ? this.fullText.slice(this.baseOffset + this.index.start(node), this.baseOffset + this.index.valueEnd(node)) : undefined;
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
    const seq = entry < 0 ? NONE : ix.ref(entry + 1);
    return ix.kind(seq) === SEQ && i >= 0 && i < ix.count(seq) ? this.handle(ix.item(seq, i)) : null;
  }

  /**
   * The node tree as plain data (kind, start, value end, node end, key text, children), the same
   * whatever the layout of the index: what the equivalence tests compare.
   */
  describe(): unknown {
    const ix = this.index;
    const walk = (at: number, key?: boolean): unknown => {
      if (at < 0) return null;
      const k = ix.kind(at);
      const head = [k, ix.start(at), ix.valueEnd(at), ix.end(at)];
      if (k === MAP) return [...head, Array.from({ length: ix.count(at) }, (_, i) => [walk(ix.ref(ix.entrySlot(at, i)), true), walk(ix.ref(ix.entrySlot(at, i) + 1))])];
      if (k === SEQ) return [...head, Array.from({ length: ix.count(at) }, (_, i) => walk(ix.item(at, i)))];
      return key && k === SCALAR ? [...head, ix.keyText(at)] : head;
    };
    return walk(ix.root);
  }

  private handle(at: number): YamlNode | null {
    return at >= 0 ? new YamlNode(this, at) : null;
  }

  /** The node at `path` (mappings by key, sequences by index), or NONE. */
  private walk(path: Path, from: YamlNode | null): number {
    const ix = this.index;
    let node = from ? from.at : NONE;
    for (const seg of path) {
      const kind = ix.kind(node);
      if (kind === MAP) {
        const entry = ix.entry(node, String(seg));
        node = entry < 0 ? NONE : ix.ref(entry + 1);
      } else if (kind === SEQ && typeof seg === 'number') node = Number.isInteger(seg) && seg >= 0 && seg < ix.count(node) ? ix.item(node, seg) : NONE;
      else return NONE;
    }
    return node;
  }
}


/** Builds the index without recursion (nesting may be deep in hostile files). */
function indexNodes(root: unknown, toOriginal?: (offset: number) => number): NodeIndex {
  const data: number[] = [];
  const keyTexts: string[] = [];
  const record = (kind: number, parsed: readonly number[], last: number) => {
    const r = toOriginal ? parsed.map(toOriginal) : parsed;
    data.push(kind, r[0], r[1], r[2], last);
  };
  // Work stack: a node, the slot that refers to it, whether it is a mapping key (three arrays,
  // no tuple per node: a large repository has millions of nodes).
  const nodes: unknown[] = root ? [root] : [];
  const slots: number[] = [NONE];
  const isKeys: boolean[] = [false];
  while (nodes.length) {
    const n = nodes.pop();
    const slot = slots.pop()!;
    const isKey = isKeys.pop()!;
    if (slot >= 0) data[slot] = data.length;
    const r = (n as { range?: [number, number, number] }).range ?? NO_RANGE;
    if (isMap(n)) {
      const items = n.items;
      record(MAP, r, items.length);
      const base = data.length;
      for (let i = 0; i < items.length; i++) {
        data.push(NONE, NONE);
        const p = items[i];
        if (p.key) nodes.push(p.key), slots.push(base + 2 * i), isKeys.push(true);
        if (p.value) nodes.push(p.value), slots.push(base + 2 * i + 1), isKeys.push(false);
      }
    } else if (isSeq(n)) {
      const items = n.items;
      record(SEQ, r, items.length);
      const base = data.length;
      for (let i = 0; i < items.length; i++) {
        data.push(NONE);
        if (items[i]) nodes.push(items[i]), slots.push(base + i), isKeys.push(false);
      }
    } else if (isScalar(n)) {
      if (isKey) {
        record(SCALAR, r, keyTexts.length);
        keyTexts.push(String(n.value));
      } else record(SCALAR, r, NONE);
    } else record(OTHER, r, 0); // an alias or a node of another kind
  }
  return NodeIndex.fromRecords(data, keyTexts.slice());
}

const NO_RANGE = [0, 0, 0] as const;


/**
 * A node of a YamlSource (a measure's mapping, a catalogue entry …): pass it to `locate` and the
 * other lookups of its source. `range` and `items` mirror the yaml package's nodes.
 */
export class YamlNode {
  constructor(
    private readonly source: YamlSource,
    /** The node's record in its source's index. */
    readonly at: number,
  ) {}

  get kind(): 'map' | 'seq' | 'scalar' | 'other' {
    const k = this.source.index.kind(this.at);
    return k === MAP ? 'map' : k === SEQ ? 'seq' : k === SCALAR ? 'scalar' : 'other';
  }

  /** Offsets in the YAML text: start, end of the value, end of the node (with a trailing comment). */
  get range(): [number, number, number] {
    const ix = this.source.index;
    return [ix.start(this.at), ix.valueEnd(this.at), ix.end(this.at)];
  }

  /** A mapping's entries (key and value), or a sequence's items; empty for scalars. */
  get items(): Array<{ key: YamlNode | null; value: YamlNode | null }> | Array<YamlNode | null> {
    const ix = this.source.index;
    const node = (at: number) => (at >= 0 ? new YamlNode(this.source, at) : null);
    const k = ix.kind(this.at);
    if (k === MAP) return Array.from({ length: ix.count(this.at) }, (_, i) => ({ key: node(ix.ref(ix.entrySlot(this.at, i))), value: node(ix.ref(ix.entrySlot(this.at, i) + 1)) }));
    if (k === SEQ) return Array.from({ length: ix.count(this.at) }, (_, i) => node(ix.item(this.at, i)));
    return [];
  }
}

interface Composed {
  doc: Document.Parsed;
  tooDeep: boolean;
  /** Errors that `recover` may repair. */
  repairable: boolean;
}

/** Tokens, depth check and the first document of one text. */
function composeText(source: string): Composed {
  const tokens = parseTokens(source);
  // Depth is checked on the syntax tree before composing: composing recurses, and where a stack
  // overflow would hit (the yaml package catches it) depends on the caller's stack, not on the
  // file. Up to SAFE_COMPOSE_DEPTH the document is still composed, for its syntax errors.
  const { tooDeep, beyondBound } = tokens ? nesting(tokens, YAML_LIMITS.maxDepth + 1, SAFE_COMPOSE_DEPTH) : { tooDeep: true, beyondBound: true };
  const doc = composeFirst(beyondBound || !tokens ? [] : tokens, source.length);
  // A tab in the indentation gives TAB_AS_INDENT, or inside a sequence item other errors on its line.
  const repairable = !beyondBound && doc.errors.length > 0 && (doc.errors.some((e) => e.code === 'TAB_AS_INDENT' || e.code === 'BLOCK_AS_IMPLICIT_KEY') || /^[ \t]*\t/m.test(source));
  return { doc, tooDeep, repairable };
}

/** 0-based lines of the errors with `code` (any code: `*`). */
function errorLines(source: string, doc: Document.Parsed, code: string): Set<number> {
  const lines = new Set<number>();
  for (const e of doc.errors) {
    if (code !== '*' && e.code !== code) continue;
    let line = 0;
    for (let i = source.indexOf('\n'); i >= 0 && i < e.pos[0]; i = source.indexOf('\n', i + 1)) line++;
    lines.add(line);
  }
  return lines;
}

/**
 * Tabs first (a tab garbles the lines after it, which then look like colon mistakes), then
 * unquoted colons on the lines the parser still stumbles over. The repaired parse is taken only
 * when it has fewer errors than the original: otherwise the original errors stand.
 */
function recover(source: string, first: Composed): (Composed & { repairs: Repair[]; toOriginal: (o: number) => number }) | undefined {
  let text = source;
  let current = first;
  let toOriginal = (o: number) => o;
  const repairs: Repair[] = [];
  // Tabs: a line with a tab in its indentation and an error on it (repairYaml looks only at the indentation).
  for (const [tabs, colons] of [['*', ''], ['', 'BLOCK_AS_IMPLICIT_KEY']]) {
    const none = new Set<number>();
    const r = repairYaml(text, tabs ? errorLines(text, current.doc, tabs) : none, colons ? errorLines(text, current.doc, colons) : none);
    if (!r) continue;
    const before = toOriginal;
    for (const x of r.repairs) repairs.push({ ...x, start: before(x.start), end: before(x.end) });
    toOriginal = (o: number) => before(r.toOriginal(o));
    text = r.text;
    current = composeText(text);
  }
  if (!repairs.length || current.doc.errors.length >= first.doc.errors.length) return undefined;
  return { ...current, repairs, toOriginal };
}

// resolveKnownTags: false – YAML 1.1 tags (!!binary, !!timestamp, !!set …) are unknown tags here: the yaml package's
// Node and browser builds (the tests and the CLI bundle) turned !!binary into different values.
const OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error', resolveKnownTags: false } as const;

/**
 * The syntax tree, or undefined when the parser ran out of stack: it recurses when it closes
 * thousands of compact collections (`- - - … x` followed by a dedent) and, unlike composing, the
 * yaml package does not catch that. Such a file is far too deep anyway (same finding either way).
 */
function parseTokens(source: string): CST.Token[] | undefined {
  try {
    return Array.from(new Parser().parse(source));
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

function tooManyTokens(source: string, limit: number): boolean {
  let n = 0;
  const tokens = new Lexer().lex(source);
  while (!tokens.next().done) if (++n > limit) return true;
  return false;
}

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

/**
 * The depth of a composed value (up to `limit`), and the value with every array copied to its
 * exact length. The yaml package builds arrays by pushing, which leaves room for 17 elements in a
 * one-element list; thousands of measures keep their values, so the slack would be a large part
 * of a repository's memory. Iterative (hostile depth); an array reached twice through aliases is
 * copied once, so shared parts stay shared.
 */
function settle(root: unknown, limit: number): { value: unknown; depth: number; shared: boolean } {
  const copies = new Map<unknown[], unknown[]>();
  const exact = (a: unknown[]) => {
    let copy = copies.get(a);
    if (!copy) copies.set(a, (copy = a.slice()));
    return copy;
  };
  const value = Array.isArray(root) ? exact(root) : root;
  let best = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  const seen = new Set<unknown>();
  let shared = false;
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (d > best) best = d;
    if (best >= limit) return { value, depth: best, shared };
    if (!x || typeof x !== 'object') continue;
    if (seen.has(x)) {
      shared = true;
      continue;
    }
    seen.add(x);
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const c = x[i];
        if (c && typeof c === 'object') stack.push([Array.isArray(c) ? (x[i] = exact(c)) : c, d + 1]);
      }
    } else {
      for (const key of Object.keys(x)) {
        const c = (x as Record<string, unknown>)[key];
        if (!c || typeof c !== 'object') continue;
        let child = c;
        if (Array.isArray(c)) {
          child = exact(c);
          // A `__proto__` key is data here (as the yaml package made it): set it as such, not as the prototype.
          if (key === '__proto__') Object.defineProperty(x, key, { value: child, writable: true, enumerable: true, configurable: true });
          else (x as Record<string, unknown>)[key] = child;
        }
        stack.push([child, d + 1]);
      }
    }
  }
  return { value, depth: best, shared };
}

/**
 * The number of values in `root` as a tree – a collection reached twice through aliases counts
 * twice – up to just above `cap`; Infinity for a value that contains itself. Iterative, each
 * collection's size computed once.
 */
function expandedSize(root: unknown, cap: number): number {
  const sizes = new Map<object, number>();
  const children = (x: object): unknown[] => (Array.isArray(x) ? x : Object.values(x));
  const stack: Array<[object, boolean]> = root && typeof root === 'object' ? [[root, false]] : [];
  const open = new Set<object>();
  while (stack.length) {
    const [x, done] = stack.pop()!;
    if (done) {
      let n = 1;
      for (const c of children(x)) n += c && typeof c === 'object' ? sizes.get(c)! : 1;
      open.delete(x);
      if (n > cap) return n;
      sizes.set(x, n);
      continue;
    }
    if (sizes.has(x)) continue;
    if (open.has(x)) return Infinity;
    open.add(x);
    stack.push([x, true]);
    for (const c of children(x)) {
      if (!c || typeof c !== 'object') continue;
      if (open.has(c)) return Infinity;
      if (!sizes.has(c)) stack.push([c, false]);
    }
  }
  return root && typeof root === 'object' ? sizes.get(root)! : 1;
}
