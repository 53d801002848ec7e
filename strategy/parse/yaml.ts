import { parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { LineIndex } from '../text';
import type { Path, Range } from '../types';

/** Bounds that keep hostile YAML (alias bombs, deep nesting) from exhausting memory or stack. */
export const YAML_LIMITS = { maxAliasCount: 100, maxDepth: 64 };

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
    // logLevel 'error': the package would print warnings (e.g. for a collection as a key) with process.emitWarning.
    this.doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
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
