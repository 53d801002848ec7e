/**
 * `strategy lint --fix` / `--fix-dry-run`: writes the texts the core fixed (strategy/fix-workspace.ts)
 * back into the repository, or shows them as a unified diff. Writes only regular files inside the
 * real root, never through a link, and never over a file changed since it was read.
 */
import { lstatSync, readFileSync, realpathSync, chmodSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { writeFileAtomic } from './io';
import { message, type FixedFile, type Lang } from '../strategy/index';

export interface WriteOutcome {
  written: string[];
  /** Files left unchanged, with the reason (naming the file) in the user's language. */
  refused: Array<{ path: string; reason: string }>;
}


const BOM = '\uFEFF';

/** Writes the fixed texts (with the BOM a file had). */
export function writeFixedFiles(root: string, files: Iterable<FixedFile>, lang: Lang): WriteOutcome {
  const realRoot = realpathSync(root);
  const out: WriteOutcome = { written: [], refused: [] };
  for (const f of files) {
    const full = join(realRoot, ...f.path.split('/'));
    let mode: number;
    try {
      // No link anywhere on the path: the file's real path is the path itself, inside the root.
      const st = lstatSync(full);
      if (!st.isFile() || realpathSync(full) !== full || !full.startsWith(realRoot + sep)) {
        out.refused.push({ path: f.path, reason: message(lang, 'lint.fix.link', { file: f.path }) });
        continue;
      }
      mode = st.mode & 0o7777;
      const now = readFileSync(full, 'utf8');
      if (now !== (f.hadBom ? BOM : '') + f.before) {
        out.refused.push({ path: f.path, reason: message(lang, 'lint.fix.changed', { file: f.path }) });
        continue;
      }
    } catch {
      out.refused.push({ path: f.path, reason: message(lang, 'lint.fix.unreadable', { file: f.path }) });
      continue;
    }
    writeFileAtomic(full, (f.hadBom ? BOM : '') + f.after);
    chmodSync(full, mode);
    out.written.push(f.path);
  }
  return out;
}

/** The changes as one unified diff (`a/path`, `b/path`, as git shows them), files in path order. */
export function unifiedDiff(files: Iterable<FixedFile>): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f) => createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, f.before, f.after, undefined, undefined, { context: 3 }).replace(/^={67}\n/, ''))
    .join('');
}
