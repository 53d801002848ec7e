/** What every section builder gets: the computed facts, the wording and the formatter of the report's language. */
import type { RootContent } from 'mdast';
import type { Lang } from '../../types';
import type { Measure, MeasureStatus } from '../../model/types';
import type { Facts } from '../facts';
import type { RoadmapDiagram } from '../../diagrams/index';
import type { Formatter } from '../../format';
import type { ReportDiagram } from '../types';
import { LABELS, type Labels } from '../labels';
import { code, emphasis, paragraph, type Inline } from '../mdast';

export interface SectionContext {
  facts: Facts;
  lang: Lang;
  L: Labels;
  fmt: Formatter;
  /** The roadmap (gantt of the AI initiatives): one diagram, or several when split by size. */
  roadmap: RoadmapDiagram[];
  /** The document's diagrams, filled by the sections that place one (`placeDiagram`). */
  diagrams: ReportDiagram[];
  /** The comparison with an earlier state, when the report was asked for one (`--since`). */
  changes?: import('../../diff/diff').StrategyDiff;
}

export type Section = (ctx: SectionContext) => RootContent[];

export function makeContext(facts: Facts, lang: Lang, fmt: Formatter, roadmap: RoadmapDiagram[]): SectionContext {
  return { facts, lang, L: LABELS[lang], fmt, roadmap, diagrams: [] };
}

/** "Title (`ID`)": the title people read and the id that finds the file. */
export function measureRef(m: Measure): Inline[] {
  return [m.title, ' (', code(m.id), ')'];
}

/** Several measures in one cell, separated by semicolons. */
export function measureRefs(ms: Measure[], withStatus: ((m: Measure) => string) | undefined, empty: string): Inline[] {
  if (!ms.length) return [empty];
  const out: Inline[] = [];
  ms.forEach((m, i) => {
    if (i) out.push('; ');
    out.push(m.title, ' (', code(m.id), withStatus ? `, ${withStatus(m)})` : ')');
  });
  return out;
}

export function statusLabel(ctx: SectionContext, status: MeasureStatus | undefined): string {
  return status ? ctx.L.status[status] : ctx.L.value.notStated;
}

/** The question of the council a section answers, in italics under its heading. */
export function question(text: string): RootContent {
  return paragraph(emphasis(text));
}

export function orDash(ctx: SectionContext, value: string | undefined): string {
  return value && value.trim() ? value : ctx.L.value.none;
}

/** What a measure is or does, for readers: its description, else the first paragraph of its Markdown body, else the AI purpose. */
export function describe(m: Measure): string | undefined {
  const text = m.description?.trim() || m.body?.summary() || m.ai?.purpose?.trim();
  return text || undefined;
}
