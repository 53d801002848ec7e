/**
 * What the core needs from a file system to load a repository: list a folder, stat, read and
 * resolve a real path. The CLI implements it on Node's file system (cli/store.ts), the editor on
 * VS Code's (extension/roots.ts). Paths are relative to the repository's root, `/`-separated, ''
 * for the root. Each method may answer directly (the CLI) or with a promise (the editor).
 */
export type Maybe<T> = T | Promise<T>;

/** A folder entry as listed, links not followed: a link is 'link' whatever it points to. */
export interface StoreEntry {
  name: string;
  kind: 'file' | 'folder' | 'link' | 'other';
}

/** A file's type and size, links followed. */
export interface StoreStat {
  kind: 'file' | 'folder' | 'other';
  size: number;
  /** The path itself is a symbolic link (stores without real paths decide by this). */
  link?: boolean;
}

/** The store cannot tell real paths (a virtual file system): links are then never followed. */
export const NO_REAL_PATHS = null;

export interface RepositoryStore {
  /** The entries of a folder. Throws when it cannot be listed. */
  list(folder: string): Maybe<StoreEntry[]>;
  /** Type and size, links followed; undefined when there is nothing (or a dangling link). */
  stat(path: string): Maybe<StoreStat | undefined>;
  /** The content: text, or bytes when it is not UTF-8. Throws (with a `code`) when it cannot be read. */
  read(path: string): Maybe<Uint8Array | string>;
  /**
   * The real path (links resolved) relative to the real root: '' for the root itself, undefined
   * when it is outside the root or cannot be resolved, NO_REAL_PATHS when the store has none.
   */
  realPath(path: string): Maybe<string | undefined | typeof NO_REAL_PATHS>;
}
