/**
 * Which words of a table may break inside a word (HTML, PDF and DOCX alike). A table on the page
 * fits when the words that cannot break fit side by side; each column gets a share of about
 * 90 characters of table text across A4 portrait (8.5 pt). Ordinary words below that share stay
 * whole; longer ones (ids, compound names) may break anywhere. Breaking every word would let a
 * renderer squeeze short columns to a few letters ("Sta|tus"); breaking none lets one long id push
 * the table off the page. (docs/council-report.md, "Tables on the page")
 */
const CHARS_ACROSS_PAGE = 90;
const LONGEST_WHOLE_WORD = 20;

/** Words of at least this many characters may break anywhere in a table of `columns` columns. */
export function longWordLength(columns: number): number {
  return Math.max(6, Math.min(LONGEST_WHOLE_WORD, Math.floor(CHARS_ACROSS_PAGE / Math.max(1, columns))));
}
