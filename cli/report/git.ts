/**
 * The commit a report was made from, when the strategy repository is a git checkout – read with
 * the pure-JavaScript reader in cli/git/ (never the git program: it would honour the
 * repository's configuration, and `git status` rewrites `.git/index`).
 */
import { blobId, findRepository, listFilesAt, pathInRepository, resolveCommit } from '../git/repository';

export interface SourceRevision {
  commit?: string;
  /** The files the report was made from differ from the commit (unknown when not given). */
  dirty?: boolean;
}

/** The files a report was made from: their paths under the root and how to read them. */
export interface LoadedFiles {
  paths: readonly string[];
  /** Whether the tool reads a path (a catalogue or a measures file), also for files the commit has. */
  isRead(path: string): boolean;
  /** The bytes of a loaded file, or undefined when it cannot be compared (above the size limit, unreadable). */
  bytes(path: string): Uint8Array | undefined;
}

/**
 * HEAD of the checkout that holds `root`, and – given the loaded files – whether they differ from
 * it: a file read that the commit lacks or has with other content, or a file the commit has under
 * the root that the tool would read but that is gone. Files the tool does not read do not count.
 */
export async function sourceRevision(root: string, files?: LoadedFiles): Promise<SourceRevision> {
  const repo = findRepository(root);
  if (!repo) return {};
  const commit = await resolveCommit(repo);
  if (!commit) return {};
  if (!files) return { commit };
  const folder = pathInRepository(repo, root);
  if (folder === undefined) return { commit };
  const committed = await listFilesAt(repo, commit, folder);
  if (!committed) return { commit, dirty: files.paths.length > 0 };
  const atCommit = new Map(committed.filter((f) => files.isRead(f.path)).map((f) => [f.path, f]));
  const loaded = new Set(files.paths);
  for (const path of atCommit.keys()) if (!loaded.has(path)) return { commit, dirty: true };
  for (const path of files.paths) {
    const entry = atCommit.get(path);
    if (!entry) return { commit, dirty: true };
    // A link's blob is its target's name, a submodule has no blob: neither compares with the content read.
    if (entry.mode === '120000' || entry.mode === '160000') continue;
    const bytes = files.bytes(path);
    if (bytes && (await blobId(bytes)) !== entry.oid) return { commit, dirty: true };
  }
  return { commit, dirty: false };
}
