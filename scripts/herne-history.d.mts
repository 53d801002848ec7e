/** Types of scripts/herne-history.mjs (for the tests). */
export function buildHerneHistory(out: string, options?: { example?: string; snapshot?: string }): Promise<{ root: string; tag: string }>;
