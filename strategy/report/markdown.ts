/** mdast → Markdown that renders on GitHub and GitLab (GFM tables, fenced mermaid blocks). */
import type { Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';

export function reportToMarkdown(tree: Root): string {
  return toMarkdown(tree, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', strong: '*', rule: '-', fence: '`', listItemIndent: 'one' });
}
