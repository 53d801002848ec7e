// Splits sectioned diagrams (gantt, timeline) so that every Mermaid source stays under a size
// limit: whole sections first, a section into numbered parts only when it alone is too big.
import type { DiagramNode } from './types';

/** Lines that must stay together (a measure's bar with its milestones; a timeline period with its events). */
export interface Unit {
  lines: string[];
  nodes?: Record<string, DiagramNode>;
  /** Gantt: bars with a look of their own (their ids go into the front matter's CSS). */
  looks?: Array<{ id: string; look: string }>;
  /** Characters this unit adds elsewhere in the source (e.g. its CSS selectors). */
  extra?: number;
}

export interface Section {
  title: string;
  units: Unit[];
  /** Measure ids of this section that the diagram cannot show. */
  omitted?: string[];
}

export const DEFAULT_MAX_TEXT_SIZE = 45_000;

const size = (lines: string[]) => lines.reduce((n, l) => n + l.length + 1, 0);

/**
 * Groups sections into parts of at most `budget` characters. `sectionLine` prints a section
 * heading (its size counts). A section larger than the budget is cut between units into
 * sections titled "Title (1/n)".
 */
export function packSections(sections: Section[], budget: number, sectionLine: (title: string) => string): Section[][] {
  const cost = (s: Section) => sectionLine(s.title).length + 1 + s.units.reduce((n, u) => n + size(u.lines) + (u.extra ?? 0), 0);
  const total = sections.reduce((n, s) => n + cost(s), 0);
  if (total <= budget) return [sections];

  const chunks: Section[] = [];
  for (const section of sections) {
    if (cost(section) <= budget) {
      chunks.push(section);
      continue;
    }
    const pieces: Unit[][] = [[]];
    let used = 0;
    const headroom = sectionLine(`${section.title} (99/99)`).length + 1;
    for (const unit of section.units) {
      const u = size(unit.lines) + (unit.extra ?? 0);
      if (pieces[pieces.length - 1].length > 0 && used + u + headroom > budget) {
        pieces.push([]);
        used = 0;
      }
      pieces[pieces.length - 1].push(unit);
      used += u;
    }
    pieces.forEach((units, i) =>
      chunks.push({ title: `${section.title} (${i + 1}/${pieces.length})`, units, omitted: i === 0 ? section.omitted : undefined }),
    );
  }

  const parts: Section[][] = [];
  let used = Infinity;
  for (const chunk of chunks) {
    const c = cost(chunk);
    if (used + c > budget) {
      parts.push([]);
      used = 0;
    }
    parts[parts.length - 1].push(chunk);
    used += c;
  }
  return parts;
}

export function sourceSize(lines: string[]): number {
  return size(lines);
}
