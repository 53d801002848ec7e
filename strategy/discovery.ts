import picomatch from 'picomatch/posix';
import type { FileKind } from './parse/file';

export const STRATEGY_FILE = 'strategy.yaml';
export const CATALOGUE_FILES: Record<string, FileKind> = { 'strategy.yaml': 'strategy', 'funding.yaml': 'funding', 'partners.yaml': 'partners' };

/** Council inquiries: YAML files directly in `inquiries/` (docs/format.md "Inquiries"). */
export const INQUIRY_FILE = /^inquiries\/[^/]+\.ya?ml$/;

/** Decides which repository paths (relative, `/`-separated) the tool reads, and as what. */
export function makeClassifier(include: readonly string[]): (path: string) => FileKind | undefined {
  const isMeasure = picomatch(include as string[], { dot: false });
  return (path: string) => CATALOGUE_FILES[path] ?? (INQUIRY_FILE.test(path) ? 'inquiry' : isMeasure(path) ? 'measures' : undefined);
}
