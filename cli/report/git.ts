/** The commit a report was made from, when the strategy repository is a git checkout. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface SourceRevision {
  commit?: string;
  /** Files under the root differ from the commit (unknown without the git program). */
  dirty?: boolean;
}

const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return undefined;
  }
}

/** Without the git program: HEAD from the `.git` folder (or a worktree's `.git` file), loose or packed ref. */
function readHead(root: string): string | undefined {
  let dir = resolve(root);
  for (;;) {
    const dotGit = join(dir, '.git');
    if (existsSync(dotGit)) {
      try {
        let gitDir = dotGit;
        if (statSync(dotGit).isFile()) {
          const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
          if (!m) return undefined;
          gitDir = resolve(dir, m[1].trim());
        }
        const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
        if (HASH.test(head)) return head;
        const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
        if (!ref) return undefined;
        // A worktree keeps shared refs in the main repository ("commondir").
        const common = existsSync(join(gitDir, 'commondir')) ? resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim()) : gitDir;
        for (const base of [gitDir, common]) {
          const loose = join(base, ref);
          if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
        }
        const packed = existsSync(join(common, 'packed-refs')) ? readFileSync(join(common, 'packed-refs'), 'utf8') : '';
        return packed.split('\n').find((l) => l.endsWith(` ${ref}`))?.split(' ')[0];
      } catch {
        return undefined;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** HEAD of the checkout that holds `root`, and whether files under `root` differ from it. */
export function sourceRevision(root: string): SourceRevision {
  const commit = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (commit !== undefined) {
    if (!HASH.test(commit)) return {};
    const status = git(root, ['status', '--porcelain', '--untracked-files=normal', '--', '.']);
    return { commit, dirty: status === undefined ? undefined : status.length > 0 };
  }
  const head = readHead(root);
  return head && HASH.test(head) ? { commit: head } : {};
}
