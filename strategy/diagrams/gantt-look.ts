// How a gantt chart looks beyond Mermaid's task states: section titles that fit their column, and
// cancelled and paused measures drawn differently from the rest. Mermaid's gantt knows only
// `done`, `active` and `crit`, has no class statements and draws section titles from x = 10 px
// without wrapping, over the bars when they are longer than `leftPadding` (75 px by default).
// So the chart carries its own front matter: `gantt.leftPadding` computed from the longest
// section title line, and `themeCSS` rules for the generated task ids. Both are generated from
// numbers and ids only – no user text ever enters the configuration.
import { graphemes, oneLine, truncate } from './escape';

/** Mermaid's default left padding (px); section titles that fit keep it. */
const DEFAULT_LEFT_PADDING = 75;
/** Longest section title line, estimated px: beyond it a title wraps (and is shortened at the last line). */
export const SECTION_LINE_PX = 230;
/** Mermaid draws section titles at x = 10; the same gap again before the bars. */
const TITLE_X = 10;

/**
 * Width of text at Mermaid's section font (11 px) in the widest font of Mermaid's stack
 * ("trebuchet ms", verdana, arial): an overestimate, so that a title never reaches the bars
 * whichever of them the reader's system has.
 */
export function estimateWidth(text: string): number {
  let px = 0;
  for (const ch of graphemes(text)) {
    if (/^[iIl.,:;'|!j ]$/.test(ch)) px += 3.8;
    else if (/^[frt()[\]\-/]$/.test(ch)) px += 5;
    else if (/^[mw]$/.test(ch)) px += 10;
    else if (/^[MW@%]$/.test(ch)) px += 11.5;
    else if (/^[A-Z0-9ÄÖÜ&#?]$/.test(ch)) px += 8.2;
    else if (ch.length > 1 || ch.codePointAt(0)! > 0x2000) px += 13;
    else px += 7;
  }
  return px;
}

/** Breaks text into at most `maxLines` lines of at most `maxPx` (estimated); the last line ends in „…“ when text is left. */
export function wrapToWidth(text: unknown, maxPx: number, maxLines: number): string[] {
  const words = oneLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const fit = (s: string) => estimateWidth(s) <= maxPx;
  for (let w = 0; w < words.length; w++) {
    let word = words[w];
    if (lines.length === maxLines) break;
    const candidate = line ? `${line} ${word}` : word;
    if (fit(candidate)) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
      if (lines.length === maxLines) {
        lines[lines.length - 1] = shorten(`${lines[lines.length - 1]} ${words.slice(w).join(' ')}`, maxPx);
        return lines;
      }
    }
    // A word wider than a line is cut into pieces that fit.
    while (!fit(word)) {
      const g = graphemes(word);
      let n = g.length - 1;
      while (n > 1 && !fit(g.slice(0, n).join(''))) n--;
      lines.push(g.slice(0, n).join(''));
      word = g.slice(n).join('');
      if (lines.length === maxLines) {
        lines[lines.length - 1] = shorten(`${lines[lines.length - 1]}${[word, ...words.slice(w + 1)].join(' ')}`, maxPx);
        return lines;
      }
    }
    line = word;
  }
  if (line && lines.length < maxLines) lines.push(line);
  else if (line) lines[lines.length - 1] = shorten(`${lines[lines.length - 1]} ${line}`, maxPx);
  return lines.length ? lines : [''];
}

/** Shortens text until it fits `maxPx` with a trailing „…“. */
function shorten(text: string, maxPx: number): string {
  if (estimateWidth(text) <= maxPx) return text;
  let n = graphemes(text).length;
  let out = text;
  while (n > 1 && estimateWidth(out) > maxPx) out = truncate(text, --n);
  return out;
}

/**
 * Lines of a section title in a section of `rows` rows: as many lines as rows (at most 3), so
 * that the title stays inside its section's band.
 */
export function sectionTitleLines(title: string, rows: number): string[] {
  return wrapToWidth(title, SECTION_LINE_PX, Math.max(1, Math.min(3, rows)));
}

/** `leftPadding` for the longest of the section title lines. */
export function leftPaddingFor(lines: string[]): number {
  const widest = lines.reduce((w, l) => Math.max(w, estimateWidth(l)), 0);
  return Math.max(DEFAULT_LEFT_PADDING, Math.ceil(TITLE_X + widest + TITLE_X));
}

export type StatusLook = 'cancelled' | 'paused';

/**
 * The looks of cancelled and paused bars (docs/roadmaps.md, "Gantt"): cancelled – white with a
 * dashed grey border and a struck-through title; paused – pale amber with a dotted border (its
 * colour stays: red when overdue). Both with dark text, readable on the light fill.
 */
const LOOKS: Record<StatusLook, { bar: string; text: string }> = {
  cancelled: { bar: 'fill:#ffffff;stroke:#757575;stroke-dasharray:6 3;stroke-width:2px', text: 'fill:#424242;text-decoration:line-through' },
  paused: { bar: 'fill:#ffe082;stroke-dasharray:2 3;stroke-width:2px', text: 'fill:#1a1a1a;font-style:italic' },
};

/** Only generated task ids reach the CSS (m3, m3_b); anything else would be a bug. */
const TASK_ID = /^m\d+(_b)?$/;

/** `themeCSS` for the bars of cancelled and paused measures, by generated task id. */
export function statusCss(ids: Record<StatusLook, string[]>): string {
  const rules: string[] = [];
  for (const look of ['cancelled', 'paused'] as const) {
    const list = ids[look];
    if (!list.length) continue;
    for (const id of list) if (!TASK_ID.test(id)) throw new RangeError(`not a generated task id: ${id}`);
    // Mermaid prefixes ids with the render id: `<svg id>-m3`, its label `<svg id>-m3-text`.
    rules.push(`${list.map((id) => `[id$="-${id}"]`).join(',')}{${LOOKS[look].bar}}`);
    rules.push(`${list.map((id) => `[id$="-${id}-text"]`).join(',')}{${LOOKS[look].text}}`);
  }
  return rules.join(' ');
}

/** Mermaid front matter with the chart's configuration, or nothing when the defaults do. */
export function frontMatter(leftPadding: number, css: string): string[] {
  if (leftPadding === DEFAULT_LEFT_PADDING && !css) return [];
  // JSON strings are YAML double-quoted strings.
  return ['---', 'config:', ...(leftPadding !== DEFAULT_LEFT_PADDING ? ['  gantt:', `    leftPadding: ${leftPadding}`] : []), ...(css ? [`  themeCSS: ${JSON.stringify(css)}`] : []), '---'];
}
