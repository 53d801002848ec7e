/**
 * Loads a strategy repository from a store (strategy/files/store.ts) under the one file access
 * policy (strategy/files/policy.ts) – for the CLI and the editor, which differ only in their store.
 * Written once as generators that yield each store call, driven synchronously when the store
 * answers directly (the CLI) and asynchronously when it answers with promises (the editor).
 */
import { StrategyWorkspace } from '../workspace';
import { makeClassifier, STRATEGY_FILE } from '../discovery';
import { DEFAULT_LIMITS } from '../parse/file';
import { readErrorCode, unreadableFile } from '../parse/unreadable';
import { inSkippedFolder, realPathAllowed, SKIPPED_FOLDERS } from './policy';
import { NO_REAL_PATHS, type Maybe, type RepositoryStore, type StoreEntry } from './store';

/** Why a file the tool would read was not read. */
export type Refusal = 'outside' | 'skipped' | 'link' | 'not-a-file' | 'missing';

export type FileContent = Uint8Array | string;

export interface LoadOptions {
  /** Files above this size (bytes) are reported from their size, never read. */
  maxFileBytes?: number;
}

export interface LoadedRepository {
  workspace: StrategyWorkspace;
  /** Files the tool would read that the policy refused (a link out of the root, a FIFO …), with why. */
  refused: Map<string, Refusal>;
}

/** The strategy.yaml of the store cannot be read under the policy (e.g. a link out of the root). */
export class StrategyFileRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(`${STRATEGY_FILE} ${reason === 'outside' ? 'is a link to a file outside the repository' : reason === 'skipped' ? 'leads into a skipped folder' : reason === 'missing' ? 'is missing' : 'is not a regular file'}: not read`);
  }
}

/** Stands for a file too large to read: the core reports it from its size alone and never looks inside. */
export function sizeOnly(size: number): Uint8Array {
  return Object.defineProperty(new Uint8Array(0), 'byteLength', { value: size });
}

type Steps<R> = Generator<unknown, R, unknown>;

/** One store call, as a step: the driver hands back its (awaited) answer. */
function* call<T>(answer: Maybe<T>): Steps<T> {
  return (yield answer) as T;
}

function isPromise(x: unknown): x is Promise<unknown> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}

/** Runs the steps: synchronously while every answer is direct, then asynchronously. */
function drive<R>(steps: Steps<R>): R | Promise<R> {
  let step = steps.next();
  while (!step.done) {
    if (isPromise(step.value)) return driveAsync(steps, step.value);
    step = steps.next(step.value);
  }
  return step.value;
}

async function driveAsync<R>(steps: Steps<R>, pending: Promise<unknown>): Promise<R> {
  let step: IteratorResult<unknown, R>;
  try {
    step = steps.next(await pending);
  } catch (e) {
    step = steps.throw(e);
  }
  for (;;) {
    if (step.done) return step.value;
    try {
      step = steps.next(await step.value);
    } catch (e) {
      step = steps.throw(e);
    }
  }
}

/**
 * One file under the policy. `real` is its real path when the caller knows it (a plain file in a
 * folder whose real path is known), else it is asked for.
 */
function* readFileSteps(store: RepositoryStore, path: string, maxFileBytes: number, known?: string | null): Steps<{ content: FileContent } | { refused: Refusal }> {
  if (inSkippedFolder(path)) return { refused: 'skipped' };
  let real: string | undefined | null;
  try {
    real = known !== undefined ? known : yield* call(store.realPath(path));
  } catch {
    return { refused: 'missing' };
  }
  if (real !== NO_REAL_PATHS && !realPathAllowed(real)) return { refused: real === undefined ? 'outside' : 'skipped' };
  let st;
  try {
    st = yield* call(store.stat(path));
  } catch (e) {
    return { content: unreadableFile(readErrorCode(e)) };
  }
  if (!st) return { refused: 'missing' };
  // Without real paths a link cannot be checked: it is not followed.
  if (real === NO_REAL_PATHS && st.link) return { refused: 'link' };
  if (st.kind !== 'file') return { refused: 'not-a-file' };
  if (st.size > maxFileBytes) return { content: sizeOnly(st.size) };
  try {
    return { content: yield* call(store.read(path)) };
  } catch (e) {
    return { content: unreadableFile(readErrorCode(e)) };
  }
}

const byName = (a: StoreEntry, b: StoreEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);

/**
 * Walks the store's folders under the policy and hands every file that may be read – a plain file
 * in a folder or a link whose target is a file inside the real root – to `take`, with its real
 * path. Links that may not be followed go to `refuse`.
 */
function* walkSteps(store: RepositoryStore, take: (path: string, real: string | null) => Steps<void>, refuse: (path: string, why: Refusal) => void): Steps<void> {
  const rootReal = yield* call(store.realPath(''));
  const seen = new Set<string>();
  // Each folder is visited once (by real path): a link back into the root lists nothing twice.
  // Entries in name order, depth first: which of two paths to one folder is used does not depend
  // on the file system's order.
  const walk = function* (folder: string, real: string | null): Steps<void> {
    if (real !== NO_REAL_PATHS) {
      if (seen.has(real)) return;
      seen.add(real);
    }
    let entries: StoreEntry[];
    try {
      entries = (yield* call(store.list(folder))).slice().sort(byName);
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(folder, e.name);
      const childReal = real === NO_REAL_PATHS ? NO_REAL_PATHS : join(real, e.name);
      if (e.kind === 'folder') {
        if (!SKIPPED_FOLDERS.has(e.name)) yield* walk(path, childReal);
      } else if (e.kind === 'file') {
        yield* take(path, childReal);
      } else if (e.kind === 'link') {
        // Without real paths a link cannot be checked: it is not followed.
        if (real === NO_REAL_PATHS) {
          refuse(path, 'link');
          continue;
        }
        let target: string | undefined | null;
        try {
          target = yield* call(store.realPath(path));
        } catch {
          target = undefined;
        }
        if (target === NO_REAL_PATHS || !realPathAllowed(target)) {
          refuse(path, target === undefined ? 'outside' : 'skipped');
          continue;
        }
        let st;
        try {
          st = yield* call(store.stat(path));
        } catch {
          continue; // a loop
        }
        if (st?.kind === 'folder') yield* walk(path, target);
        else if (st?.kind === 'file') yield* take(path, target);
      }
    }
  };
  yield* walk('', rootReal === undefined ? '' : rootReal);
}

function* loadSteps(store: RepositoryStore, options: LoadOptions): Steps<LoadedRepository> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const workspace = new StrategyWorkspace(options.maxFileBytes ? { maxFileBytes } : undefined);
  const refused = new Map<string, Refusal>();
  // Like every other file, strategy.yaml is read only from inside the repository: a link to a file
  // elsewhere (say /proc/self/environ) would show its text in findings, and CI publishes those.
  const strategy = yield* readFileSteps(store, STRATEGY_FILE, maxFileBytes);
  if ('refused' in strategy) throw new StrategyFileRefused(strategy.refused);
  workspace.setFile(STRATEGY_FILE, strategy.content);
  const classify = makeClassifier(workspace.include());
  const take = function* (path: string, real: string | null): Steps<void> {
    if (path === STRATEGY_FILE || !classify(path)) return;
    const file = yield* readFileSteps(store, path, maxFileBytes, real);
    if ('refused' in file) refused.set(path, file.refused);
    else workspace.setFile(path, file.content);
  };
  yield* walkSteps(store, take, (path, why) => {
    if (classify(path)) refused.set(path, why);
  });
  return { workspace, refused };
}

/**
 * The repository in the store, read under the policy, as a workspace. Throws StrategyFileRefused
 * when its strategy.yaml may not be read. Synchronous for a synchronous store.
 */
export function loadRepository(store: RepositoryStore, options?: LoadOptions): Promise<LoadedRepository> | LoadedRepository {
  return drive(loadSteps(store, options ?? {}));
}

/** loadRepository for a store that answers directly (never a promise). */
export function loadRepositorySync(store: RepositoryStore, options?: LoadOptions): LoadedRepository {
  const loaded = loadRepository(store, options);
  if (isPromise(loaded)) throw new Error('loadRepositorySync: the store answered with a promise');
  return loaded;
}

/** One file under the policy (an editor's change), its content or why it is refused. */
export function readRepositoryFile(store: RepositoryStore, path: string, options?: LoadOptions): Maybe<{ content: FileContent } | { refused: Refusal }> {
  return drive(readFileSteps(store, path, options?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes));
}

/** Every file under the root that the policy lets the tool read (whatever its name), sorted. */
export function listRepositoryFiles(store: RepositoryStore): Maybe<string[]> {
  return drive(
    (function* (): Steps<string[]> {
      const out: string[] = [];
      yield* walkSteps(
        store,
        function* (path) {
          out.push(path);
        },
        () => undefined,
      );
      return out.sort();
    })(),
  );
}
