// Timeline: the milestones of the selected measures by quarter of their due day, one section per
// year. Done milestones carry „✓“, overdue ones „⚠“; cancelled milestones are left out.
import { quarterOf } from '../dates';
import { mermaidStatementText, mermaidText, truncate } from './escape';
import { packSections, DEFAULT_MAX_TEXT_SIZE, sourceSize, type Section, type Unit } from './pack';
import { measureLabel, type Plan } from './plan';
import type { RoadmapDiagram } from './types';

/**
 * Mermaid stacks a period's events in one column: 76 milestones in a quarter made it 9,000 px
 * high. More than this many events are shown as several periods „Q1 2026 (1/7)“ side by side.
 */
export const MAX_EVENTS_PER_PERIOD = 12;

interface TimelineEvent {
  due: string;
  order: number;
  /** Plain text; escaped when printed. */
  text: string;
}

const sectionLine = (title: string) => `  section ${mermaidStatementText(title)}`;

function printPeriod(period: string, events: TimelineEvent[]): string[] {
  return events.map((e, i) => (i === 0 ? `    ${mermaidStatementText(period)} : ${mermaidText(e.text)}` : `      : ${mermaidText(e.text)}`));
}

export function timelineDiagrams(plan: Plan): RoadmapDiagram[] {
  const { labels, options } = plan;
  const events: TimelineEvent[] = [];
  for (const item of plan.items) {
    for (const ms of item.milestones) {
      if (ms.cancelled || !ms.due || !ms.inPeriod) continue;
      const mark = ms.done ? '✓ ' : ms.overdue ? '⚠ ' : '';
      const measure = `${item.ai ? `${labels.ai} · ` : ''}${truncate(measureLabel(item.measure), 32)}`;
      events.push({ due: ms.due, order: events.length, text: `${mark}${truncate(ms.milestone.title || ms.milestone.id || '?', 50)} – ${measure}` });
    }
  }
  events.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.order - b.order));

  const years = new Map<string, Map<string, TimelineEvent[]>>();
  for (const e of events) {
    const q = quarterOf(e.due);
    const year = years.get(q.slice(0, 4)) ?? years.set(q.slice(0, 4), new Map()).get(q.slice(0, 4))!;
    const label = `Q${q.slice(-1)} ${q.slice(0, 4)}`;
    (year.get(label) ?? year.set(label, []).get(label)!).push(e);
  }
  const sections: Section[] = [...years].map(([year, quarters]) => ({
    title: year,
    units: [...quarters].flatMap(([period, list]): Unit[] => {
      const units: Unit[] = [];
      const parts = Math.ceil(list.length / MAX_EVENTS_PER_PERIOD);
      for (let i = 0; i < list.length; i += MAX_EVENTS_PER_PERIOD) {
        const label = parts > 1 ? `${period} (${i / MAX_EVENTS_PER_PERIOD + 1}/${parts})` : period;
        units.push({ lines: printPeriod(label, list.slice(i, i + MAX_EVENTS_PER_PERIOD)) });
      }
      return units;
    }),
  }));

  const baseTitle = `${plan.title} – ${labels.milestones}`;
  const header = (title: string) => ['timeline', `  title ${mermaidStatementText(title)}`];
  if (sections.length === 0) {
    // A timeline without any period draws a lone arrow: say it in the one period instead.
    const title = `${plan.title} – ${labels.noMilestones}`;
    const source = [...header(title), `  section ${mermaidStatementText(labels.noMilestones)}`, `    ${mermaidStatementText('—')} : ${mermaidText(labels.noMilestones)}`].join('\n') + '\n';
    return [{ type: 'timeline', source, title, nodes: {}, omitted: [] }];
  }
  const budget = (options.maxTextSize ?? DEFAULT_MAX_TEXT_SIZE) - sourceSize(header(`${baseTitle} 0000–0000`)) * 2;
  const parts = packSections(sections, budget, sectionLine);
  return parts.map((part): RoadmapDiagram => {
    const title = parts.length === 1 ? baseTitle : `${baseTitle} ${part[0].title}${part.length > 1 ? `–${part[part.length - 1].title}` : ''}`;
    const lines = header(title);
    for (const section of part) lines.push(sectionLine(section.title), ...section.units.flatMap((u) => u.lines));
    return { type: 'timeline', source: lines.join('\n') + '\n', title, nodes: {}, omitted: [] };
  });
}
