import { readFileSync, statSync, realpathSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { StrategyWorkspace, STRATEGY_FILE } from '../strategy/index';
import { listRepositoryFiles, loadRepositorySync, sizeOnly, StrategyFileRefused } from '../strategy/files/load';
import { DEFAULT_MAX_FILE_BYTES, inSkippedFolder } from '../strategy/files/policy';
import { UsageError } from './errors';
import { decode, NodeStore } from './store';
import { setRepositoryRoot } from './write-guard';

function hasStrategyFile(dir: string): boolean {
  try {
    return statSync(join(dir, STRATEGY_FILE)).isFile();
  } catch {
    return false;
  }
}

/** Walks up from `start` to the first folder that holds a strategy.yaml. */
export function findRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (hasStrategyFile(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function resolveRoot(option: string | undefined): string {
  const root = option ? resolve(option) : findRoot(process.cwd());
  if (option && !hasStrategyFile(root!)) throw new UsageError('cli.root.notInDir', { dir: option });
  if (!root) throw new UsageError('cli.root.notFound', { dir: process.cwd() });
  // Files this command writes into the repository are checked against it (cli/write-guard.ts).
  setRepositoryRoot(root);
  return root;
}

/**
 * Lists the files under the root that the file access policy lets the tool read
 * (strategy/files/policy.ts), as sorted `/`-separated relative paths.
 */
export function listFiles(root: string): string[] {
  return listRepositoryFiles(new NodeStore(root)) as string[];
}

/**
 * One file by its path on disk, under the policy's size limit: its text (or bytes when not UTF-8),
 * or only its size when it is above the limit (not read into memory). The caller decides whether
 * the file may be read at all (for paths from the repository: strategy/files/policy.ts).
 */
export function readLimited(full: string, maxFileBytes: number): Uint8Array | string {
  // stat, not lstat: a symbolic link counts with the size of the file it points to.
  const size = statSync(full).size;
  if (size > maxFileBytes) return sizeOnly(size);
  return decode(full);
}

/** The bytes of a file the loader read (for comparisons), or undefined above the size limit, when unreadable or refused. */
export function readLoadedBytes(root: string, path: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): Uint8Array | undefined {
  try {
    const store = new NodeStore(root);
    const real = store.realPath(path);
    if (real === undefined || inSkippedFolder(real)) return undefined;
    const full = store.full(path);
    const st = statSync(full);
    return st.isFile() && st.size <= maxFileBytes ? readFileSync(full) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the strategy repository at `root` into a workspace, under the core's file access policy. */
export function loadWorkspace(root: string, opts: { maxFileBytes?: number } = {}): StrategyWorkspace {
  try {
    return loadRepositorySync(new NodeStore(root), { maxFileBytes: opts.maxFileBytes }).workspace;
  } catch (e) {
    if (e instanceof StrategyFileRefused) {
      let target = '';
      try {
        target = realpathSync(join(root, STRATEGY_FILE));
      } catch {
        /* dangling */
      }
      if (e.reason === 'outside') throw new UsageError('cli.root.linkOutside', { target });
      throw new UsageError({ de: `${STRATEGY_FILE} ist keine lesbare Datei im Repository (${e.reason}): nicht gelesen`, en: e.message });
    }
    throw e;
  }
}
