import { readdirSync, readFileSync, statSync, realpathSync } from 'node:fs';
import { join, resolve, dirname, relative, sep } from 'node:path';
import { readErrorCode, StrategyWorkspace, STRATEGY_FILE, unreadableFile } from '../strategy/index';
import { makeClassifier } from '../strategy/discovery';
import { UsageError } from './errors';

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
  if (option) {
    const dir = resolve(option);
    if (!hasStrategyFile(dir)) throw new UsageError('cli.root.notInDir', { dir: option });
    return dir;
  }
  const root = findRoot(process.cwd());
  if (!root) throw new UsageError('cli.root.notFound', { dir: process.cwd() });
  return root;
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '.vscode-test']);

/**
 * Lists files under the root as `/`-separated relative paths. Symbolic links are followed only
 * when they stay inside the root; loops and unreadable folders are skipped.
 */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const realRoot = realpathSync(root);
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real) || !(real === realRoot || real.startsWith(realRoot + sep))) return;
    seen.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      // Sorted: which of two paths to the same folder is listed must not depend on the file system's order.
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(full);
      } else if (e.isFile()) {
        out.push(relative(root, full).split(sep).join('/'));
      } else if (e.isSymbolicLink()) {
        try {
          const target = realpathSync(full);
          if (!(target === realRoot || target.startsWith(realRoot + sep))) continue;
          const st = statSync(full);
          if (st.isDirectory()) walk(full);
          else if (st.isFile()) out.push(relative(root, full).split(sep).join('/'));
        } catch {
          /* dangling link */
        }
      }
    }
  };
  walk(root);
  return out.sort();
}

/** Stands for a file too large to read: the core reports it from its size alone and never looks inside. */
function sizeOnly(size: number): Uint8Array {
  return Object.defineProperty(new Uint8Array(0), 'byteLength', { value: size });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A file's text; its bytes when they are not UTF-8 (the core reports the first bad byte); only
 * its size when it is above the limit (not read into memory). Decoded here rather than in the
 * core so that the workspace keeps one copy of each file (its text), not bytes and text.
 */
export function readLimited(full: string, maxFileBytes: number): Uint8Array | string {
  // stat, not lstat: a symbolic link counts with the size of the file it points to.
  const size = statSync(full).size;
  if (size > maxFileBytes) return sizeOnly(size);
  // Node decodes straight into a string (no Buffer per file) and replaces a bad byte with U+FFFD;
  // only a text with U+FFFD in it is read again as bytes, to tell a written U+FFFD from a bad byte.
  const text = readFileSync(full, 'utf8');
  if (!text.includes('\uFFFD')) return text;
  const bytes = readFileSync(full);
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** The bytes of a file the loader read (for comparisons), or undefined above the size limit or when unreadable. */
export function readLoadedBytes(root: string, path: string, maxFileBytes = 2 * 1024 * 1024): Uint8Array | undefined {
  try {
    const full = join(root, path);
    const st = statSync(full);
    return st.isFile() && st.size <= maxFileBytes ? readFileSync(full) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the strategy repository at `root` into a workspace. */
export function loadWorkspace(root: string, opts: { maxFileBytes?: number } = {}): StrategyWorkspace {
  const ws = new StrategyWorkspace(opts.maxFileBytes ? { maxFileBytes: opts.maxFileBytes } : undefined);
  const maxFileBytes = opts.maxFileBytes ?? 2 * 1024 * 1024;
  // Like every other file, strategy.yaml is read only from inside the repository: a link to a file
  // elsewhere (say /proc/self/environ) would show its text in findings, and CI publishes those.
  const strategyFile = join(root, STRATEGY_FILE);
  const realRoot = realpathSync(root);
  const target = realpathSync(strategyFile);
  if (!target.startsWith(realRoot + sep)) throw new UsageError('cli.root.linkOutside', { target });
  ws.setFile(STRATEGY_FILE, readLimited(strategyFile, maxFileBytes));
  const classify = makeClassifier(ws.include());
  for (const path of listFiles(root)) {
    if (path === STRATEGY_FILE || !classify(path)) continue;
    const full = join(root, path);
    try {
      ws.setFile(path, readLimited(full, maxFileBytes));
    } catch (e) {
      ws.setFile(path, unreadableFile(readErrorCode(e)));
    }
  }
  return ws;
}
