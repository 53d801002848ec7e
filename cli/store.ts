/** The repository store (strategy/files/store.ts) on Node's file system, for the CLI. */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
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
 * Node decodes straight into a string (no Buffer per file) and replaces a bad byte with U+FFFD;
 * only a text with U+FFFD in it is read again as bytes, to tell a written U+FFFD from a bad byte.
 */
export function decode(full: string): Uint8Array | string {
  const text = readFileSync(full, 'utf8');
  if (!text.includes('\uFFFD')) return text;
  const bytes = readFileSync(full);
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}
