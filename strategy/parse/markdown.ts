import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
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

const processor = () => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function lazyBody(fileText: string, bodyOffset: number): MarkdownBody {
  let tree: Root | undefined;
  return {
    text: fileText.slice(bodyOffset),
    offset: bodyOffset,
    tree() {
      tree ??= processor().parse(fileText) as Root;
      return tree;
    },
    summary() {
      const para = this.tree().children.find((n) => n.type === 'paragraph');
      return para ? toString(para).replace(/\s+/g, ' ').trim() : undefined;
    },
  };
}

/** Text of the first level-1 heading, used as the title when the front matter has none. */
export function firstHeading(body: MarkdownBody): string | undefined {
  const h = body.tree().children.find((n) => n.type === 'heading' && n.depth === 1);
  return h ? toString(h).trim() || undefined : undefined;
}
