import type { Path } from '../types';

/** Shared paths are kept for this many distinct paths; beyond, each call gets its own array. */
const MAX_SHARED = 20_000;
const shared = new Map<string, Path>();

/**
 * One frozen array per path (`['milestones', 2]`, `['goals', 0]` …): every measure of a
 * repository has the same few paths, and tens of thousands of equal little arrays were megabytes
 * of a large repository's memory (BENCHMARKS.md). Frozen, because they are shared.
 */
export function sharedPath(...segments: Array<string | number>): Path {
  // A number (a list index) and a key of the same digits are different paths.
  const key = segments.map((s) => (typeof s === 'number' ? `\u0001${s}` : s)).join('\u0000');
  let path = shared.get(key);
  if (!path) {
    path = Object.freeze(segments);
    if (shared.size < MAX_SHARED) shared.set(key, path);
  }
  return path;
}
