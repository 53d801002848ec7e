/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an
 * argument, and a large list (a hostile file's findings, a long cycle) overflows the stack.
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * One shared, frozen empty list: things kept for a whole session (measures, parsed files) hold
 * thousands of empty lists, and each new one costs memory (BENCHMARKS.md). Never pushed to.
 */
export function emptyList<T>(): T[] {
  return EMPTY as unknown as T[];
}
