/** mdast → Markdown that renders on GitHub and GitLab (GFM tables, fenced mermaid blocks). */
import type { Root, Text } from 'mdast';
import { defaultHandlers, toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { DiagramDocument, DiagramRef } from './types';
import { diagramLookup, withTextAlternatives } from './diagrams';

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

const REPORT_MARKDOWN: Options = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fence: '`', listItemIndent: 'one' };

/**
 * A document with diagrams as Markdown: each diagram becomes a ```mermaid block of its source
 * (a longer fence when the source holds backticks), followed by its text alternative.
 */
export function documentToMarkdown(doc: DiagramDocument, options: Options = REPORT_MARKDOWN): string {
  const get = diagramLookup(doc);
  const diagram: Handle = (node: DiagramRef, parent, state, info) => defaultHandlers.code({ type: 'code', lang: 'mermaid', value: get(node.id).source }, parent, state, info);
  return toMarkdown(withTextAlternatives(doc), { ...SAFE_MARKDOWN, ...options, handlers: { ...SAFE_MARKDOWN.handlers, diagram } });
}

/** A report (or any tree without diagrams, e.g. a plan or a diff) as Markdown. */
export function reportToMarkdown(doc: DiagramDocument | Root): string {
  return documentToMarkdown('type' in doc ? { tree: doc, diagrams: [] } : doc);
}
