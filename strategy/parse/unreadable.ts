// A file that a front end listed but could not read (permissions, I/O error). The CLI hands the
// core a marker instead of the content, and the core reports it as a `yaml-syntax` finding with
// the system's error code – never the error message, which names absolute paths.

const UNREADABLE = Symbol('unreadable');

/**
 * Stands for a file that could not be read; `code` is the system's error code, like `EACCES`.
 * Its bytes (a NUL, then the code) only tell it apart from real content where a workspace
 * compares contents (`setFile` after an empty file, or another code); they are never parsed.
 */
export function unreadableFile(code: string): Uint8Array {
  return Object.defineProperty(new TextEncoder().encode(`\0${code}`), UNREADABLE, { value: code });
}

/** The error code of an `unreadableFile` marker; undefined for real content. */
export function unreadableCode(content: Uint8Array | string): string | undefined {
  return typeof content === 'string' ? undefined : (content as Uint8Array & { [UNREADABLE]?: string })[UNREADABLE];
}

/** The code to report for a read error: `EACCES`, `EIO` (Node), `NoPermissions` (VS Code) …, or the error's name. */
export function readErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(code)) return code;
  return error instanceof Error ? error.name : 'Error';
}
