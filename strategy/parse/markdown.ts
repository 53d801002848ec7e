import { parseMarkdown } from './remark';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import type { MarkdownBody } from '../model/types';

export interface FrontMatterSplit {
  /** YAML text between the fences, or undefined when the file has no front matter. */
  yaml?: string;
  /** Offset of the YAML text in the file. */
  yamlOffset: number;
  /** Offset where the Markdown body starts. */
  bodyOffset: number;
  /** True when an opening fence has no closing fence. */
  unclosed?: boolean;
}

/**
 * Finds the YAML front matter by its fences (`---` … `---` or `...`), the same rule
 * remark-frontmatter applies. Done by hand so that linting front matter does not pay for a
 * Markdown parse of the body; the body is parsed by remark only when something needs it.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const open = /^---[ \t]*(\r\n|\n|\r|$)/.exec(text);
  if (!open) return { yamlOffset: 0, bodyOffset: 0 };
  const yamlOffset = open[0].length;
  const close = /(^|\r\n|\n|\r)(---|\.\.\.)[ \t]*(\r\n|\n|\r|$)/g;
  close.lastIndex = yamlOffset - (open[1] ? open[1].length : 0);
  let m: RegExpExecArray | null;
  while ((m = close.exec(text))) {
    const fenceStart = m.index + m[1].length;
    if (fenceStart < yamlOffset) continue;
    return { yaml: text.slice(yamlOffset, m.index), yamlOffset, bodyOffset: m.index + m[0].length };
  }
  return { yaml: text.slice(yamlOffset), yamlOffset, bodyOffset: text.length, unclosed: true };
}

/** A body that can also say whether remark would see its text as the document after a `---` front matter. */
interface FencedBody extends MarkdownBody {
  readonly afterDashFence: boolean;
  /** The file up to `limit` characters into the body, cut at a line end. */
  head(limit: number): string;
}

export function lazyBody(fileText: string, bodyOffset: number): MarkdownBody {
  return new LazyBody(fileText, bodyOffset);
}

/**
 * A class rather than an object of closures: a repository keeps a body per Markdown measure for
 * the whole session, and three closures with their context cost about 1 MB at 5,000 measures.
 */
class LazyBody implements FencedBody {
  private parsed: Root | undefined;
  readonly afterDashFence: boolean;

  constructor(
    private readonly fileText: string,
    readonly offset: number,
  ) {
    // remark-frontmatter closes front matter only with `---` (splitFrontMatter also accepts `...`).
    this.afterDashFence = offset > 0 && /(?:^|\r\n|\n|\r)---[ \t]*(?:\r\n|\n|\r)?$/.test(fileText.slice(Math.max(0, offset - 64), offset));
  }

  get text(): string {
    return this.fileText.slice(this.offset);
  }

  tree(): Root {
    this.parsed ??= parseMarkdown(this.fileText);
    return this.parsed;
  }

  head(limit: number): string {
    const end = this.offset + limit;
    if (end >= this.fileText.length) return this.fileText;
    const cut = this.fileText.lastIndexOf('\n', end);
    return this.fileText.slice(0, cut > this.offset ? cut : end);
  }

  summary(): string | undefined {
    const para = this.tree().children.find((n) => n.type === 'paragraph');
    return para ? toString(para).replace(/\s+/g, ' ').trim() : undefined;
  }
}

/**
 * The body's first block when it is a `# Title` line of plain text (letters, digits, spaces and
 * punctuation that Markdown leaves as it is). Then it is the first level-1 heading, and its text is
 * what remark would give; anything else (markup, entities, escapes, tabs, closing `#`s, another
 * first block) needs the parse.
 */
const PLAIN_H1_FIRST = /^(?:[ \t]*(?:\r\n|\n|\r))*[ ]{0,3}# +([\p{L}\p{N}\p{M} \-.,;:()/+'"%§–—„“”‚‘’?=€°…]*?) *(?:\r\n|\n|\r|$)/u;

/** Text of the first level-1 heading, used as the title when the front matter has none. */
export function firstHeading(body: MarkdownBody): string | undefined {
  // Lint needs only this heading; a full Markdown parse of every body would dominate its time.
  if ((body as Partial<FencedBody>).afterDashFence) {
    const plain = PLAIN_H1_FIRST.exec(body.text)?.[1].trim();
    if (plain) return plain;
  }
  // Otherwise remark parses only the start of the body, and a failure means "no heading": its
  // emphasis handling is quadratic and its block nesting recursive, so a hostile body could hang
  // the linter or overflow the stack (a `*` run of 16 KB takes seconds, 8,000 `> ` overflow).
  const fenced = body as Partial<FencedBody>;
  if (fenced.head && !fenced.afterDashFence && body.offset > HEADING_SCAN_LIMIT) return undefined;
  let root: Root;
  try {
    root = fenced.head ? parseMarkdown(fenced.head(HEADING_SCAN_LIMIT)) : body.tree();
  } catch {
    return undefined;
  }
  const h = root.children.find((n) => n.type === 'heading' && n.depth === 1);
  return h ? toString(h).trim() || undefined : undefined;
}

/** How far into the body the title fallback looks (characters). */
const HEADING_SCAN_LIMIT = 4096;
