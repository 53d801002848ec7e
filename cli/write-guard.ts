/**
 * Where the CLI may write inside a repository (strategy/files/policy.ts): `new`, `init`,
 * `--update` and `--output` into the repository. A path from the repository (an `include` base)
 * must be relative without `..`; the folder a file lands in must have its real path inside the
 * real root and outside the skipped folders – checked on the nearest existing folder before any
 * folder is created (so `mkdir -p` never follows a committed link out), and again after.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { realPathAllowed, SKIPPED_FOLDERS, unsafeRelativePath } from '../strategy/files/policy';
import { UsageError } from './errors';
import { insideRoot } from './store';

const skippedList = [...SKIPPED_FOLDERS].join(', ');

/** The nearest existing folder at or above `full` (a folder path). */
function nearestExisting(full: string): string {
  let dir = full;
  while (!existsSync(dir)) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dir;
}

function folderAllowed(realRoot: string, folder: string): boolean {
  try {
    if (!statSync(folder).isDirectory()) return false;
  } catch {
    return false;
  }
  return realPathAllowed(insideRoot(realRoot, folder));
}

/**
 * Creates the folders for `path` (relative to `root`, `/`-separated) when the policy allows it and
 * returns the full path; throws a UsageError naming `shown` otherwise. The file itself is the
 * caller's to create (exclusively, or atomically).
 */
export function prepareWrite(root: string, path: string, shown = path): string {
  if (unsafeRelativePath(path)) throw new UsageError('cli.write.unsafePath', { file: shown });
  const realRoot = realpathSync(root);
  const full = join(root, ...path.split('/'));
  const folder = dirname(full);
  if (!folderAllowed(realRoot, nearestExisting(folder))) throw new UsageError('cli.write.outside', { file: shown, skipped: skippedList });
  mkdirSync(folder, { recursive: true });
  if (!folderAllowed(realRoot, folder)) throw new UsageError('cli.write.outside', { file: shown, skipped: skippedList });
  return full;
}

/**
 * A file named on the command line (`--output`, `--update`): trusted, and written where it says –
 * unless it lies inside the repository by its name but leaves it through a link (a committed
 * `reports -> /etc` folder): then its real folder must be inside the real root too.
 */
export function checkCommandLineTarget(root: string | undefined, file: string): void {
  if (!root) return;
  const full = resolve(file);
  const lexical = relative(resolve(root), full);
  if (lexical.startsWith('..') || isAbsolute(lexical) || lexical === '') return;
  const realRoot = realpathSync(root);
  const inRepo = lexical.split(sep).join('/');
  if (!folderAllowed(realRoot, nearestExisting(dirname(full))) || unsafeRelativePath(inRepo) === 'skipped') throw new UsageError('cli.write.outside', { file, skipped: skippedList });
}

/** The repository the running command works on (set by resolveRoot): `--output` into it is checked. */
let repositoryRoot: string | undefined;
export function setRepositoryRoot(root: string): void {
  repositoryRoot = root;
}
export function currentRepositoryRoot(): string | undefined {
  return repositoryRoot;
}

/**
 * Reads a file named on the command line that the command will rewrite (`roadmap --update`):
 * only a regular file (a FIFO would hang, /dev/zero never end), up to the size limit, and – when
 * it lies inside the repository by its name – only with its real path inside the real root.
 */
export function readCommandLineFile(file: string, option: string, maxFileBytes: number): Buffer {
  const full = resolve(file);
  let size: number;
  try {
    const st = statSync(full);
    if (!st.isFile()) throw new UsageError('cli.read.refused', { option, file });
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('cli.read.updateFailed', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  const root = repositoryRoot;
  if (root) {
    const lexical = relative(resolve(root), full);
    if (!lexical.startsWith('..') && !isAbsolute(lexical) && !realPathAllowed(insideRoot(realpathSync(root), full))) throw new UsageError('cli.read.refused', { option, file });
  }
  if (size > maxFileBytes) throw new UsageError('cli.read.updateFailed', { file, reason: `> ${maxFileBytes} bytes` });
  try {
    return readFileSync(full);
  } catch (e) {
    throw new UsageError('cli.read.updateFailed', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}
