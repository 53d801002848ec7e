/**
 * Texts that hold the place of a waiver's reason without giving one (rule `waiver-reason`,
 * docs/rules/waiver-reason.md). Compared case-insensitively after trimming spaces and trailing
 * punctuation. The first two are what the editor's waiver quick fix inserts, selected, for the
 * author to overwrite.
 */
export const WAIVER_REASON_PLACEHOLDERS: readonly string[] = [
  'Begründung eintragen',
  'Enter the reason',
  'Begründung',
  'Grund',
  'reason',
  'todo',
  'tbd',
  'tba',
  'fixme',
  'xxx',
  'n/a',
  'na',
  'k.a',
  'k. a',
  'folgt',
  'wird nachgereicht',
  'siehe oben',
  'see above',
];

/** A real reason has at least this many letters; "ok", "-" or "?" say nothing. */
export const WAIVER_REASON_MIN_LETTERS = 3;

const PLACEHOLDERS = new Set(WAIVER_REASON_PLACEHOLDERS.map((p) => normalize(p)));

function normalize(text: string): string {
  return text.trim().replace(/[\s.…:!?-]+$/u, '').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether a waiver's reason says something: not a placeholder above and at least a few letters.
 * The model ignores a waiver without a real reason (strategy/model/measure.ts), so the finding it
 * meant to waive is still reported, and rule `waiver-reason` says why.
 */
export function isRealReason(reason: string | undefined): boolean {
  if (reason === undefined) return false;
  if (PLACEHOLDERS.has(normalize(reason))) return false;
  return (reason.match(/\p{L}/gu)?.length ?? 0) >= WAIVER_REASON_MIN_LETTERS;
}
