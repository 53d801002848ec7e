/**
 * Reads a git repository without the git program: never a hook, filter, fsmonitor, pager or
 * credential helper from the repository's configuration, and never a write (see read-only-fs.ts).
 * A strategy repository is untrusted input (docs/security.md), and git honours configuration
 * shipped with it; so every command that needs history (the report's commit, later comparisons
 * with earlier states) reads it through this module.
 *
 * Only a `.git` folder (or a `.git` file naming the git folder of a worktree or submodule) found
 * by walking up from a folder counts. A folder that merely looks like a bare repository (`HEAD`,
 * `config`, `objects/`, `refs/`) is never taken for one: git would, and would run its config.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import * as git from 'isomorphic-git';
import { readOnlyFs } from './read-only-fs';

export interface GitRepository {
  /** The folder that holds `.git` (real path). */
  workdir: string;
  /** The git folder of this checkout (HEAD, index). For a linked worktree, its own folder. */
  gitdir: string;
  /** Where objects and shared refs live (the main git folder of a worktree, else `gitdir`). */
  commondir: string;
  /** isomorphic-git's object cache, shared by every read of this repository. */
  cache: object;
}

export const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Small text files of the git folder (HEAD, `.git` files, commondir): never more than this. */
const SMALL_FILE_BYTES = 64 * 1024;

function readSmall(path: string): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > SMALL_FILE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The git repository whose work tree holds `start`, found by walking up to a `.git`. */
export function findRepository(start: string): GitRepository | undefined {
  let dir: string;
  try {
    dir = realpathSync(resolve(start));
  } catch {
    return undefined;
  }
  for (;;) {
    const dotGit = join(dir, '.git');
    if (existsSync(dotGit)) return openDotGit(dir, dotGit);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function openDotGit(workdir: string, dotGit: string): GitRepository | undefined {
  let gitdir = dotGit;
  if (!isDirectory(dotGit)) {
    const m = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(readSmall(dotGit) ?? '');
    if (!m) return undefined;
    gitdir = isAbsolute(m[1]) ? m[1] : resolve(workdir, m[1]);
    if (!isDirectory(gitdir)) return undefined;
  }
  // A linked worktree keeps objects and shared refs in the main repository ("commondir").
  const common = readSmall(join(gitdir, 'commondir'))?.trim();
  const commondir = common ? resolve(gitdir, common) : gitdir;
  if (!isDirectory(commondir)) return undefined;
  return { workdir, gitdir, commondir, cache: {} };
}

/** `path` (a folder or file under the work tree) as a `/`-separated path inside the repository; '' for the top. */
export function pathInRepository(repo: GitRepository, path: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  if (real !== repo.workdir && !real.startsWith(repo.workdir + sep)) return undefined;
  return relative(repo.workdir, real).split(sep).join('/');
}

const opts = (repo: GitRepository) => ({ fs: readOnlyFs, gitdir: repo.commondir, cache: repo.cache });

/** The commit a ref names (HEAD, a branch, a tag – annotated tags peeled), or undefined. */
export async function resolveCommit(repo: GitRepository, ref = 'HEAD'): Promise<string | undefined> {
  let oid: string | undefined;
  try {
    if (ref === 'HEAD') {
      // HEAD belongs to the worktree (gitdir), the branch it names to the shared refs.
      const head = readSmall(join(repo.gitdir, 'HEAD'))?.trim();
      if (!head) return undefined;
      if (OBJECT_ID.test(head)) oid = head;
      else {
        const target = /^ref:\s*(refs\/\S+)$/.exec(head)?.[1];
        if (!target) return undefined;
        oid = readLooseRef(repo.gitdir, target) ?? (await git.resolveRef({ fs: readOnlyFs, gitdir: repo.commondir, ref: target }));
      }
    } else if (OBJECT_ID.test(ref)) oid = ref;
    else oid = await git.resolveRef({ fs: readOnlyFs, gitdir: repo.commondir, ref: await git.expandRef({ fs: readOnlyFs, gitdir: repo.commondir, ref }) });
  } catch {
    return undefined;
  }
  if (!oid || !OBJECT_ID.test(oid)) return undefined;
  return peel(repo, oid);
}

function readLooseRef(gitdir: string, ref: string): string | undefined {
  if (ref.split('/').some((part) => part === '..' || part === '.' || part === '')) return undefined;
  const text = readSmall(join(gitdir, ref))?.trim();
  return text && OBJECT_ID.test(text) ? text : undefined;
}

/** Follows annotated tags to the commit. Without the objects (a shallow or partial copy) the id stands as read. */
async function peel(repo: GitRepository, oid: string): Promise<string | undefined> {
  for (let i = 0; i < 10; i++) {
    let type: string;
    try {
      type = (await git.readObject({ ...opts(repo), oid, format: 'parsed' })).type;
    } catch {
      return oid;
    }
    if (type === 'commit') return oid;
    if (type !== 'tag') return undefined;
    oid = (await git.readTag({ ...opts(repo), oid })).tag.object;
  }
  return undefined;
}

export interface TreeFile {
  /** `/`-separated, relative to the folder listed. */
  path: string;
  oid: string;
  /** git's file mode: '100644', '100755', '120000' (a link), '160000' (a submodule). */
  mode: string;
}

/** Most entries listed from one tree: a hostile repository must not make a report list millions. */
export const MAX_TREE_ENTRIES = 200_000;

/**
 * The files (not folders) under `folder` (a path inside the repository, '' for all) at `commit`,
 * or undefined when the commit or folder is not there.
 */
export async function listFilesAt(repo: GitRepository, commit: string, folder: string): Promise<TreeFile[] | undefined> {
  let top: string;
  try {
    top = folder ? (await git.readTree({ ...opts(repo), oid: commit, filepath: folder })).oid : (await git.readTree({ ...opts(repo), oid: commit })).oid;
  } catch {
    return undefined;
  }
  const out: TreeFile[] = [];
  const queue: { oid: string; prefix: string }[] = [{ oid: top, prefix: '' }];
  let seen = 0;
  while (queue.length) {
    const { oid, prefix } = queue.pop()!;
    const { tree } = await git.readTree({ ...opts(repo), oid });
    for (const e of tree) {
      if (++seen > MAX_TREE_ENTRIES) return out;
      const path = prefix + e.path;
      if (e.type === 'tree') queue.push({ oid: e.oid, prefix: `${path}/` });
      else out.push({ path, oid: e.oid, mode: e.mode });
    }
  }
  return out;
}

/** A file's content at `commit` (`path` inside the repository), or undefined. */
export async function readFileAt(repo: GitRepository, commit: string, path: string): Promise<Uint8Array | undefined> {
  try {
    return (await git.readBlob({ ...opts(repo), oid: commit, filepath: path })).blob;
  } catch {
    return undefined;
  }
}

/** A blob's content by its id, or undefined. */
export async function readBlobById(repo: GitRepository, oid: string): Promise<Uint8Array | undefined> {
  try {
    return (await git.readBlob({ ...opts(repo), oid })).blob;
  } catch {
    return undefined;
  }
}

/** The id git gives a file with these bytes. */
export async function blobId(content: Uint8Array): Promise<string> {
  return (await git.hashBlob({ object: content })).oid;
}

export interface CommitInfo {
  oid: string;
  /** Committer time, ISO 8601 (UTC). */
  committed: string;
  /** The first line of the message. */
  subject: string;
  parents: string[];
}

/** Up to `depth` commits reachable from `ref`, newest first. */
export async function commitLog(repo: GitRepository, ref = 'HEAD', depth = 100): Promise<CommitInfo[]> {
  const start = await resolveCommit(repo, ref);
  if (!start) return [];
  try {
    const entries = await git.log({ ...opts(repo), ref: start, depth });
    return entries.map((e) => ({
      oid: e.oid,
      committed: new Date(e.commit.committer.timestamp * 1000).toISOString(),
      subject: e.commit.message.split('\n', 1)[0],
      parents: e.commit.parent,
    }));
  } catch {
    return [];
  }
}

/** The repository's tags with the commits they name (annotated tags peeled). */
export async function listTags(repo: GitRepository): Promise<{ name: string; commit: string }[]> {
  let names: string[];
  try {
    names = await git.listTags({ fs: readOnlyFs, gitdir: repo.commondir });
  } catch {
    return [];
  }
  const out: { name: string; commit: string }[] = [];
  for (const name of names) {
    const commit = await resolveCommit(repo, `refs/tags/${name}`);
    if (commit) out.push({ name, commit });
  }
  return out;
}
