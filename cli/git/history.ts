/**
 * Read-only history for `strategy diff`, `report --since` and `roadmap --baseline`: which commit a
 * reference means (a tag, a branch, a commit id – also abbreviated –, or a date: the last commit
 * before it) and the strategy as it was at a commit, read into the core's workspace. Built on the
 * reader in repository.ts (isomorphic-git over a read-only file system, never the git program).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as git from 'isomorphic-git';
import { makeClassifier, STRATEGY_FILE, StrategyWorkspace } from '../../strategy/index';
import { isDay } from '../../strategy/dates';
import { readOnlyFs } from './read-only-fs';
import { listFilesAt, readBlobById, resolveCommit, type GitRepository } from './repository';

/** Object reads in flight while a state is read. */
const READS_IN_FLIGHT = 16;

/** Most commits walked to find "the last commit before a date". */
export const MAX_LOG_COMMITS = 100_000;

/** A reference that cannot be resolved; the message is the user's (German and English). */
export class RevisionError extends Error {
  constructor(
    readonly de: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface Revision {
  /** The reference as given. */
  spec: string;
  commit: string;
  /** Committer time of the commit, ISO 8601 (UTC). */
  committed: string;
  subject: string;
}

/** True when the clone has cut-off history (`git clone --depth`, CI checkouts). */
export function isShallow(repo: GitRepository): boolean {
  return existsSync(join(repo.commondir, 'shallow'));
}

const base = (repo: GitRepository) => ({ fs: readOnlyFs, gitdir: repo.commondir, cache: repo.cache });

function missing(repo: GitRepository, spec: string): RevisionError {
  if (isShallow(repo))
    return new RevisionError(
      `„${spec}“ ist in diesem Klon nicht vorhanden: er ist flach (shallow) und enthält nur die letzten Commits. Ganze Historie holen, z. B. „git fetch --unshallow --tags“ oder in GitHub Actions „fetch-depth: 0“ bei actions/checkout`,
      `"${spec}" is not in this clone: it is shallow and holds only the latest commits. Fetch the whole history, e.g. "git fetch --unshallow --tags", or in GitHub Actions "fetch-depth: 0" for actions/checkout`,
    );
  return new RevisionError(`„${spec}“ ist weder ein Tag, ein Branch, ein Commit noch ein Datum (JJJJ-MM-TT) in diesem Repository`, `"${spec}" is neither a tag, a branch, a commit nor a date (YYYY-MM-DD) in this repository`);
}

async function commitInfo(repo: GitRepository, spec: string, oid: string): Promise<Revision> {
  try {
    const { commit } = await git.readCommit({ ...base(repo), oid });
    return { spec, commit: oid, committed: new Date(commit.committer.timestamp * 1000).toISOString(), subject: commit.message.split('\n', 1)[0] };
  } catch {
    throw missing(repo, spec);
  }
}

/**
 * The commit `spec` names, from HEAD's point of view: a tag (`rat-2026-09`), a branch, a commit id
 * (full or at least 4 hex digits), `HEAD`, or a date `YYYY-MM-DD`: the last commit reachable from
 * HEAD committed before that day began (00:00 UTC), as `git rev-list -1 --before`.
 */
export async function resolveRevision(repo: GitRepository, spec: string): Promise<Revision> {
  if (isDay(spec)) {
    const before = Date.parse(`${spec}T00:00:00Z`) / 1000;
    const head = await resolveCommit(repo, 'HEAD');
    if (!head) throw missing(repo, spec);
    let entries: Awaited<ReturnType<typeof git.log>>;
    try {
      entries = await git.log({ ...base(repo), ref: head, depth: MAX_LOG_COMMITS });
    } catch {
      throw missing(repo, spec);
    }
    const found = entries.find((e) => e.commit.committer.timestamp < before);
    if (!found) {
      if (isShallow(repo)) throw missing(repo, spec);
      throw new RevisionError(`Vor dem ${spec} gibt es in diesem Repository keinen Commit`, `There is no commit before ${spec} in this repository`);
    }
    return { spec, commit: found.oid, committed: new Date(found.commit.committer.timestamp * 1000).toISOString(), subject: found.commit.message.split('\n', 1)[0] };
  }
  let oid = await resolveCommit(repo, spec);
  if (!oid && /^[0-9a-f]{4,39}$/i.test(spec)) {
    try {
      oid = await git.expandOid({ ...base(repo), oid: spec.toLowerCase() });
    } catch {
      oid = undefined;
    }
  }
  if (!oid) throw missing(repo, spec);
  return commitInfo(repo, spec, oid);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Stands for a file too large to read (as cli/load.ts does for files on disk). */
function sizeOnly(size: number): Uint8Array {
  return Object.defineProperty(new Uint8Array(0), 'byteLength', { value: size });
}

/**
 * The strategy under `folder` (a path inside the repository, '' for the top) as it was at
 * `commit`, read into a workspace: strategy.yaml, the catalogues and the measure files the
 * strategy's `include` selects then. Links and submodules are not followed (a link's blob is only
 * its target's name). Files above `maxFileBytes` are reported by size, as on disk.
 */
/**
 * Turns `ws` (holding another state of the same strategy) into the strategy at `revision`: only
 * files whose blob differs from `currentOid(path)` are read and set, files the revision lacks are
 * deleted. Unchanged files keep their parse, so the second state costs little more than the files
 * that changed. Returns the tree's blob ids by path, or undefined – leaving `ws` untouched – when
 * strategy.yaml differs (its `include` may select other files: read the state afresh then).
 */
export async function applyStateAt(
  repo: GitRepository,
  ws: StrategyWorkspace,
  revision: Revision,
  folder: string,
  currentOid: (path: string) => string | undefined,
  opts: { maxFileBytes?: number } = {},
): Promise<Map<string, string> | undefined> {
  const files = await listFilesAt(repo, revision.commit, folder);
  const strategy = files?.find((f) => f.path === STRATEGY_FILE && f.mode.startsWith('100'));
  if (!files || !strategy || currentOid(STRATEGY_FILE) !== strategy.oid) return undefined;
  const classify = makeClassifier(ws.include());
  const wanted = files.filter((f) => f.mode.startsWith('100') && classify(f.path));
  const oids = new Map(wanted.map((f) => [f.path, f.oid]));
  const changed = wanted.filter((f) => currentOid(f.path) !== f.oid);
  const contents = await readAll(repo, changed.map((f) => f.oid), opts.maxFileBytes ?? 2 * 1024 * 1024);
  changed.forEach((f, i) => ws.setFile(f.path, contents[i]));
  for (const path of ws.paths()) if (!oids.has(path)) ws.deleteFile(path);
  return oids;
}

/** The contents of blobs, several reads in flight (see READS_IN_FLIGHT), in the order given. */
async function readAll(repo: GitRepository, oids: string[], maxFileBytes: number): Promise<Array<Uint8Array | string>> {
  const contents = new Array<Uint8Array | string>(oids.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < oids.length; i = next++) contents[i] = await readText(repo, oids[i], maxFileBytes);
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, oids.length) }, worker));
  return contents;
}

async function readText(repo: GitRepository, oid: string, maxFileBytes: number): Promise<Uint8Array | string> {
  const bytes = await readBlobById(repo, oid);
  if (!bytes) return new Uint8Array(0);
  if (bytes.byteLength > maxFileBytes) return sizeOnly(bytes.byteLength);
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}

export async function workspaceAt(repo: GitRepository, revision: Revision, folder: string, opts: { maxFileBytes?: number } = {}): Promise<StrategyWorkspace> {
  const maxFileBytes = opts.maxFileBytes ?? 2 * 1024 * 1024;
  const files = await listFilesAt(repo, revision.commit, folder);
  const strategy = files?.find((f) => f.path === STRATEGY_FILE && f.mode.startsWith('100'));
  if (!files || !strategy)
    throw new RevisionError(
      `Bei „${revision.spec}“ (${revision.commit.slice(0, 12)}) gibt es kein ${STRATEGY_FILE}${folder ? ` in ${folder}` : ''}`,
      `At "${revision.spec}" (${revision.commit.slice(0, 12)}) there is no ${STRATEGY_FILE}${folder ? ` in ${folder}` : ''}`,
    );
  const ws = new StrategyWorkspace(opts.maxFileBytes ? { maxFileBytes: opts.maxFileBytes } : undefined);
  ws.setFile(STRATEGY_FILE, await readText(repo, strategy.oid, maxFileBytes));
  const classify = makeClassifier(ws.include());
  // Several reads in flight: each object is a file read (and inflated); one at a time, the
  // waits for the disk add up over a thousand files. Files are set in tree order all the same.
  const wanted = files.filter((f) => f.path !== STRATEGY_FILE && f.mode.startsWith('100') && classify(f.path));
  const contents = await readAll(repo, wanted.map((f) => f.oid), maxFileBytes);
  wanted.forEach((f, i) => ws.setFile(f.path, contents[i]));
  return ws;
}
