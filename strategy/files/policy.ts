/**
 * The one file access policy of the tool, for the CLI and the editor alike (docs/security.md,
 * "Files: what is read and what is written"). A strategy repository is untrusted: what it may
 * make the tool read or write is decided here, on paths relative to the repository's root.
 *
 * Read: regular files only (no FIFO, socket or device), whose real path – links resolved – lies
 * inside the real root and not in a skipped folder, up to the size limit.
 * Write: only below the root, on a path without `..`, not absolute, not into a skipped folder,
 * and – checked by the front end after creating folders – whose real folder is inside the real root.
 */

/** Folders never read, and never written into: also when a link leads into them. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.vscode-test']);

/** The default size limit per file (bytes); set by whoever runs the tool, never by the repository. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Whether a `/`-separated path relative to the root lies in (or is) a skipped folder. */
export function inSkippedFolder(path: string): boolean {
  for (const part of path.split('/')) if (SKIPPED_FOLDERS.has(part)) return true;
  return false;
}

/**
 * Why a path written in the repository (an `include` base, a template path) may not be used as
 * a relative place to write: absolute, with `..`, a backslash or a drive letter, or into a
 * skipped folder. Undefined when it is fine ('' is the root itself).
 */
export function unsafeRelativePath(path: string): 'absolute' | 'parent' | 'skipped' | undefined {
  if (/^[\\/]/.test(path) || /^[A-Za-z]:/.test(path) || path.includes('\\')) return 'absolute';
  const parts = path.split('/');
  if (parts.some((p) => p === '..')) return 'parent';
  if (parts.some((p) => SKIPPED_FOLDERS.has(p))) return 'skipped';
  return undefined;
}

/** Whether `real` (a real path relative to the real root, or undefined when outside) may be read or written. */
export function realPathAllowed(real: string | undefined): real is string {
  return real !== undefined && !inSkippedFolder(real);
}
