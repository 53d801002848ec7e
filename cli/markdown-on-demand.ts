import type { Root } from 'mdast';
import type * as Remark from '../strategy/parse/remark';

/**
 * In dist/cli.js this module stands in for strategy/parse/remark.ts (scripts/build.mjs): the
 * Markdown parser – remark, micromark and GFM, about a quarter of the lint bundle – is a bundle of
 * its own, dist/markdown.js, loaded and compiled only when a body needs a Markdown parse. Lint
 * reads a plain `# Title` line without one, so most runs never load it (start-up, BENCHMARKS.md).
 * The core keeps its static import (it calls no `require`); other builds bundle remark as before.
 */
let remark: typeof Remark | undefined;

export function parseMarkdown(text: string): Root {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  remark ??= require('./markdown.js') as typeof Remark;
  return remark.parseMarkdown(text);
}
