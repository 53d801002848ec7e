/** mdast → Markdown that renders on GitHub and GitLab (GFM tables, fenced mermaid blocks). */
import type { Root, Text } from 'mdast';
import { defaultHandlers, toMarkdown, type Options } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';

/**
 * GFM turns `www.`, `http(s)://`, `mailto:`/`xmpp:` and `name@host` in plain text into links, and
 * no escape stops it (a backslash or character reference is still linked; an autolink can even
 * swallow an escape and leave raw HTML after it). Text from a repository must stay text, so a
 * WORD JOINER (U+2060, invisible) goes into each trigger. Links the tool makes itself are link
 * nodes and stay links.
 */
export function breakAutolinks(value: string): string {
  return value
    .replace(/(www)(\.)/gi, '$1\u2060$2')
    .replace(/(https?|mailto|xmpp|ftp)(:)/gi, '$1\u2060$2')
    .replace(/@/g, '\u2060@');
}

/** Options for every Markdown the tool writes: GFM, and repository text that never becomes a link. */
export const SAFE_MARKDOWN: Options = {
  extensions: [gfmToMarkdown()],
  handlers: { text: (node: Text, parent, state, info) => defaultHandlers.text({ ...node, value: breakAutolinks(node.value) }, parent, state, info) },
};

export function reportToMarkdown(tree: Root): string {
  return toMarkdown(tree, { ...SAFE_MARKDOWN, bullet: '-', emphasis: '_', strong: '*', rule: '-', fence: '`', listItemIndent: 'one' });
}
