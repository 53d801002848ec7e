import { Composer, Parser, YAMLParseError, isMap, isSeq, isPair, isScalar, type CST, type Document, type Node, type Pair } from 'yaml';
import type { LineIndex } from '../strategy/text';
import type { Path, Range } from '../strategy/types';

/** Bounds that keep hostile YAML (alias bombs, deep nesting) from exhausting memory or stack. */
export const YAML_LIMITS = { maxAliasCount: 100, maxDepth: 64 };
/** Composing recurses (several frames per level; Node's default stack overflows near 1,000 levels). */
const SAFE_COMPOSE_DEPTH = 256;

export interface YamlProblem {
  code: string;
  message: string;
  range: Range;
}

/** One YAML text (a whole file or a front-matter block) with the ranges of all its nodes. */
export class YamlSource {
  readonly doc: Document.Parsed;
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
    this.doc = composeFirst(beyondBound ? [] : tokens, source.length);
    // The whole file is not evaluated, so the finding covers the document (as the check on values below).
    if (tooDeep) this.problems.push({ code: 'DEPTH', message: `nesting deeper than ${YAML_LIMITS.maxDepth} levels`, range: this.rootRange() });
    for (const e of [...this.doc.errors, ...this.doc.warnings]) {
      this.problems.push({ code: e.code, message: firstLine(e.message), range: this.range(e.pos[0], e.pos[1]) });
    }
    let value: unknown = null;
    if (this.doc.errors.length === 0 || this.doc.contents) {
      try {
        value = this.doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
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
    const c = this.doc.contents;
    if (c?.range) return this.range(c.range[0], c.range[1]);
    return this.range(0, 0);
  }

  /** The whole file's text (not only this YAML block). */
  get fullText(): string {
    return this.lines.text;
  }

  get root(): Node | null {
    return this.doc.contents;
  }

  /** The range of the value at `path` below `from` (or of the nearest existing ancestor's key). */
  locate(path: Path, target: 'value' | 'key' = 'value', from: Node | null = this.doc.contents): Range {
    let node: unknown = from;
    let lastPair: Pair | undefined;
    for (const seg of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyString(p.key) === String(seg));
        if (!pair) break;
        lastPair = pair as Pair;
        next = pair.value;
        if (next == null) {
          node = undefined;
          break;
        }
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        lastPair = undefined;
        next = node.items[seg];
      } else break;
      node = next;
    }
    const asNode = node as Node | undefined;
    const pairKey = lastPair?.key as Node | undefined;
    if (target === 'key' && pairKey?.range && lastPair?.value === node) return this.range(pairKey.range[0], pairKey.range[1]);
    if (asNode?.range) return this.range(asNode.range[0], asNode.range[1]);
    if (pairKey?.range) return this.range(pairKey.range[0], pairKey.range[1]);
    return this.rootRange();
  }

  /** The source text of a scalar as written (e.g. `150.000`), or undefined. */
  sourceText(path: Path, from: Node | null = this.doc.contents): string | undefined {
    let node: unknown = from;
    for (const seg of path) {
      if (isMap(node)) node = node.items.find((p) => isPair(p) && keyString(p.key) === String(seg))?.value;
      else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
      else return undefined;
    }
    if (isScalar(node) && node.range) return node.source !== undefined && typeof node.source === 'string' ? node.source : undefined;
    return undefined;
  }

  /** Source text of the scalar node at a path, taken from the raw text by range. */
  rawText(path: Path, text: string, from: Node | null = this.doc.contents): string | undefined {
    let node: unknown = from;
    for (const seg of path) {
      if (isMap(node)) node = node.items.find((p) => isPair(p) && keyString(p.key) === String(seg))?.value;
      else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
      else return undefined;
    }
    if (isScalar(node) && node.range) return text.slice(node.range[0], node.range[1]);
    return undefined;
  }

  /** The child nodes of a top-level sequence (files with several measures). */
  sequenceItems(): Node[] {
    const c = this.doc.contents;
    return isSeq(c) ? (c.items as Node[]) : [];
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

function keyString(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  return undefined;
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
