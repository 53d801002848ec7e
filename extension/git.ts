import * as vscode from 'vscode';

/**
 * The commit the strategy repository is checked out at, read from the `.git` folder through
 * VS Code's file system (so it works on disk, in remote and in virtual workspaces, and never runs
 * the git program on the repository's behalf, docs/security.md): HEAD, a loose ref or
 * packed-refs, a worktree's `.git` file and `commondir`. The same reading as the CLI's fallback
 * without git (cli/report/git.ts). Undefined when there is no checkout or it cannot be read.
 */
const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** Folders walked up from the strategy root to find `.git`. */
const MAX_DEPTH = 32;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

const resolveFrom = (base: vscode.Uri, path: string) => (path.startsWith('/') ? base.with({ path }) : vscode.Uri.joinPath(base, path));

export async function headCommit(root: vscode.Uri): Promise<string | undefined> {
  let dir = root;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const dotGit = vscode.Uri.joinPath(dir, '.git');
    const s = await stat(dotGit);
    if (s) {
      let gitDir = dotGit;
      if (s.type & vscode.FileType.File) {
        const m = /^gitdir:\s*(.+)$/m.exec((await readText(dotGit)) ?? '');
        if (!m) return undefined;
        gitDir = resolveFrom(dir, m[1].trim());
      }
      const head = (await readText(vscode.Uri.joinPath(gitDir, 'HEAD')))?.trim();
      if (!head) return undefined;
      if (HASH.test(head)) return head;
      const ref = /^ref:\s*(refs\/\S+)$/.exec(head)?.[1];
      if (!ref || ref.split('/').includes('..')) return undefined;
      const commondir = (await readText(vscode.Uri.joinPath(gitDir, 'commondir')))?.trim();
      const common = commondir ? resolveFrom(gitDir, commondir) : gitDir;
      for (const base of [gitDir, common]) {
        const loose = (await readText(vscode.Uri.joinPath(base, ...ref.split('/'))))?.trim();
        if (loose && HASH.test(loose)) return loose;
      }
      const packed = (await readText(vscode.Uri.joinPath(common, 'packed-refs'))) ?? '';
      const hash = packed.split('\n').find((l) => l.endsWith(` ${ref}`))?.split(' ')[0];
      return hash && HASH.test(hash) ? hash : undefined;
    }
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}
