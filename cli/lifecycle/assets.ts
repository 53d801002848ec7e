import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'digital-strategy-roadmap';

let root: string | undefined;

/**
 * The folder of this package (the one with its package.json). The bundle (dist/cli.js), an
 * installed package and the sources run under tsx all find it by walking up from the running
 * module, so templates and docs are read at run time instead of being copied into the bundle.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return (root = dir);
      } catch {
        /* not ours; keep walking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package folder above ${__dirname}`);
    dir = parent;
  }
}

export const templatesDir = (): string => join(packageRoot(), 'cli', 'templates');
export const docsDir = (): string => join(packageRoot(), 'docs');
