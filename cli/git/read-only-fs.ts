/**
 * The file system handed to isomorphic-git: it reads, and refuses every write. isomorphic-git
 * runs no hooks, filters or fsmonitor, but some of its reads refresh `.git/index` as git does;
 * with this adapter nothing under `.git` (or anywhere) can change while a report is made.
 * Only regular files are read (a FIFO named `HEAD` in a shipped `.git` would hang a plain read),
 * each up to a size limit.
 */
import { promises as fsp } from 'node:fs';

/** Largest single git file read (packs included): a report must not read gigabytes. */
export const MAX_GIT_FILE_BYTES = 256 * 1024 * 1024;

function refused(op: string, path: unknown): never {
  const e = new Error(`${op} refused: the git reader is read-only (${String(path)})`) as NodeJS.ErrnoException;
  e.code = 'EROFS';
  throw e;
}

function notFound(path: unknown): never {
  const e = new Error(`not a regular file: ${String(path)}`) as NodeJS.ErrnoException;
  e.code = 'ENOENT';
  throw e;
}

/** A promise-based `fs` for isomorphic-git (it tests `readFile()` for a promise to detect one). */
export const readOnlyFs = {
  promises: {
    async readFile(path: string, options?: { encoding?: BufferEncoding } | BufferEncoding) {
      if (path === undefined) throw new Error('no path');
      const st = await fsp.stat(path);
      if (!st.isFile() || st.size > MAX_GIT_FILE_BYTES) notFound(path);
      return fsp.readFile(path, options as { encoding?: BufferEncoding });
    },
    stat: (path: string) => fsp.stat(path),
    lstat: (path: string) => fsp.lstat(path),
    readdir: (path: string) => fsp.readdir(path),
    readlink: (path: string) => fsp.readlink(path),
    writeFile: async (path: string) => refused('writeFile', path),
    mkdir: async (path: string) => refused('mkdir', path),
    rmdir: async (path: string) => refused('rmdir', path),
    rm: async (path: string) => refused('rm', path),
    unlink: async (path: string) => refused('unlink', path),
    symlink: async (_target: string, path: string) => refused('symlink', path),
    chmod: async (path: string) => refused('chmod', path),
  },
};
