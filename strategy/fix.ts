/**
 * Fixes as text edits, next to the rule that reports (as ESLint's `fix` and markdownlint's
 * `fixInfo`). A finding may carry `fixes`; front ends apply them: `strategy lint --fix` the safe
 * ones, the editor any one the user picks. See docs/architecture.md ("Fixes").
 */
import type { Localized, Range } from './types';

/** Replace the text in `range` (offsets in the file's decoded text, without a BOM) by `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the fix does, as a quick fix's title: „„2026-03-15“ schreiben“ / "Write "2026-03-15"". */
  title: Localized;
  /**
   * Safe: keeps what the author meant beyond doubt (a date or amount in the format the tool
   * reads, a value quoted as written), so `lint --fix` applies it unasked. Unsafe: a guess
   * (did you mean …) or a change with effects elsewhere (a new id); offered, never applied
   * unasked.
   */
  safe: boolean;
  /** Non-overlapping edits of the finding's file. */
  edits: TextEdit[];
}

/** The title of a fix that writes `text` in place of a value or key. */
export function replaceTitle(text: string): Localized {
  const shown = text.length > 60 ? text.slice(0, 59) + '…' : text;
  return { de: `Durch „${shown}“ ersetzen`, en: `Change to "${shown}"` };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [a.range.start.offset, a.range.end.offset, b.range.start.offset, b.range.end.offset];
  // Two insertions at one offset would have no defined order: they overlap too.
  if (as === ae && bs === be) return as === bs;
  return as < be && bs < ae;
}

/**
 * The text with the edits applied. The edits must not overlap (an error otherwise: a rule bug);
 * their order does not matter.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  let out = '';
  let at = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    const start = e.range.start.offset;
    const end = e.range.end.offset;
    if (start < at || end < start || end > text.length || (i > 0 && overlaps(sorted[i - 1], e))) throw new Error(`overlapping or invalid edit at offset ${start}`);
    out += text.slice(at, start) + e.newText;
    at = end;
  }
  return out + text.slice(at);
}

export interface FixOutcome<F extends Fix = Fix> {
  text: string;
  /** Applied, in the order given. */
  applied: F[];
  /** Left out because an edit overlaps one of an earlier fix (run again to apply them). */
  skipped: F[];
}

/**
 * Applies whole fixes to one file's text, in the order given: a fix whose edits overlap an edit
 * of an already accepted fix is skipped, never half applied.
 */
export function applyFixes<F extends Fix>(text: string, fixes: readonly F[]): FixOutcome<F> {
  const accepted: TextEdit[] = [];
  const applied: F[] = [];
  const skipped: F[] = [];
  for (const fix of fixes) {
    const clash = fix.edits.some((e, i) => accepted.some((a) => overlaps(a, e)) || fix.edits.some((o, j) => j < i && overlaps(o, e)));
    if (clash) skipped.push(fix);
    else {
      accepted.push(...fix.edits);
      applied.push(fix);
    }
  }
  return { text: applyEdits(text, accepted), applied, skipped };
}
