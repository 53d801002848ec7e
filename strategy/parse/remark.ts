import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

/** A Markdown file's syntax tree as remark sees it (front matter as a `yaml` node, GFM tables). */
export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(text) as Root;
}
