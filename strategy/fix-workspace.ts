import { applyFixes, type Fix } from './fix';
import { decodeUtf8 } from './text';
import type { StrategyWorkspace, LintResult } from './workspace';
import type { LintOptions } from './config';
import type { Finding } from './types';

export interface FixedFile {
  path: string;
  /** The decoded text before the first fix and after the last (without a BOM: see `hadBom`). */
  before: string;
  after: string;
  /** The file began with a BOM: writers put it back. */
  hadBom: boolean;
  /** Fixes applied to this file, over all passes. */
  applied: number;
}

export interface WorkspaceFixResult {
  /** Files whose text changed, by path. */
  files: Map<string, FixedFile>;
  /** The lint of the fixed texts: what remains. */
  result: LintResult;
}

/** Most lint-and-fix passes (a fix may reveal another; ESLint stops after 10 as well). */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the fixes `pick` accepts (default: the safe ones), one per finding (its first fix that
 * passes), file by file, then lints again and repeats while anything changed (fixes that
 * overlapped in one pass are applied in the next). Changes the workspace's texts only; the front
 * end writes the files in `files`.
 */
export function fixWorkspace(ws: StrategyWorkspace, options: LintOptions, pick: (fix: Fix, finding: Finding) => boolean = (f) => f.safe): WorkspaceFixResult {
  const files = new Map<string, FixedFile>();
  let result = ws.lint(options);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const byFile = new Map<string, Fix[]>();
    for (const finding of result.findings) {
      const fix = finding.fixes?.find((f) => pick(f, finding));
      if (!fix) continue;
      let list = byFile.get(finding.file);
      if (!list) byFile.set(finding.file, (list = []));
      list.push(fix);
    }
    let changed = false;
    for (const [path, fixes] of byFile) {
      const content = ws.content(path);
      if (content === undefined) continue;
      const decoded = decodeUtf8(content);
      if (!decoded.ok) continue;
      const outcome = applyFixes(decoded.text, fixes);
      if (!outcome.applied.length || outcome.text === decoded.text) continue;
      const entry = files.get(path) ?? { path, before: decoded.text, after: decoded.text, hadBom: decoded.hadBom, applied: 0 };
      entry.after = outcome.text;
      entry.applied += outcome.applied.length;
      files.set(path, entry);
      ws.setFile(path, outcome.text);
      changed = true;
    }
    if (!changed) break;
    result = ws.lint(options);
  }
  return { files, result };
}
