/** The repository store (strategy/files/store.ts) on Node's file system, for the CLI. */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RepositoryStore, StoreEntry, StoreStat } from '../strategy/files/store';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function kindOf(d: Dirent): StoreEntry['kind'] {
  return d.isSymbolicLink() ? 'link' : d.isDirectory() ? 'folder' : d.isFile() ? 'file' : 'other';
}

/** Errors that mean "nothing there" for stat and realpath (a dangling link, a loop). */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);

export class NodeStore implements RepositoryStore {
  readonly realRoot: string;

  constructor(readonly root: string) {
    this.realRoot = realpathSync(root);
  }

  /** The path on disk of a root-relative path. */
  full(path: string): string {
    return path ? join(this.root, ...path.split('/')) : this.root;
  }

  list(folder: string): StoreEntry[] {
    return readdirSync(this.full(folder), { withFileTypes: true }).map((d) => ({ name: d.name, kind: kindOf(d) }));
  }

  stat(path: string): StoreStat | undefined {
    try {
      // stat, not lstat: a symbolic link counts with the file it points to.
      const st = statSync(this.full(path));
      return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'other', size: st.size };
    } catch (e) {
      if (ABSENT.has((e as NodeJS.ErrnoException).code ?? '')) return undefined;
      throw e;
    }
  }

  /**
   * A file's text; its bytes when they are not UTF-8 (the core reports the first bad byte).
   * Decoded here rather than in the core so that the workspace keeps one copy of each file.
   */
  read(path: string): Uint8Array | string {
    return decode(this.full(path));
  }

  realPath(path: string): string | undefined {
    return insideRoot(this.realRoot, this.full(path));
  }
}

/** The real path of `full` relative to `realRoot` ('' for the root), or undefined when outside or unresolvable. */
export function insideRoot(realRoot: string, full: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    return undefined;
  }
  if (real === realRoot) return '';
  return real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep) ? relative(realRoot, real).split(sep).join('/') : undefined;
}

/**
 * Read into one buffer kept for the next file (no Buffer per file: thousands of them would wait
 * for the garbage collector outside the heap, a large part of a lint's peak memory, BENCHMARKS.md)
 * and decoded strictly: a text, or the bytes when they are not UTF-8.
 */
export function decode(full: string): Uint8Array | string {
  const fd = openSync(full, 'r');
  let length = 0;
  try {
    for (;;) {
      if (length === scratch.length) scratch = grow(scratch);
      const n = readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) break;
      length += n;
    }
  } finally {
    closeSync(fd);
  }
  const bytes = scratch.subarray(0, length);
  // A large file's buffer is not kept (the size limit is 2 MiB by default, and an editor reads one file at a time anyway).
  if (scratch.length > SCRATCH_KEPT) scratch = Buffer.allocUnsafe(SCRATCH_KEPT);
  try {
    return utf8.decode(bytes);
  } catch {
    return Uint8Array.from(bytes);
  }
}

const SCRATCH_KEPT = 256 * 1024;
let scratch: Buffer<ArrayBufferLike> = Buffer.allocUnsafe(SCRATCH_KEPT);

function grow(buffer: Buffer<ArrayBufferLike>): Buffer<ArrayBufferLike> {
  const bigger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(bigger);
  return bigger;
}
