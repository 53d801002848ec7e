// Timeline: the milestones of the selected measures by quarter of their due day, one section per
// year. Done milestones carry „✓“, overdue ones „⚠“; cancelled milestones are left out.
import { quarterOf } from '../dates';
import { mermaidStatementText, mermaidText, truncate } from './escape';
import { packSections, DEFAULT_MAX_TEXT_SIZE, sourceSize, type Section, type Unit } from './pack';
import { measureLabel, type Plan } from './plan';
import type { RoadmapDiagram } from './types';

const EVENTS_PER_UNIT = 150;

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
      for (let i = 0; i < list.length; i += EVENTS_PER_UNIT) units.push({ lines: printPeriod(period, list.slice(i, i + EVENTS_PER_UNIT)) });
      return units;
    }),
  }));

  const baseTitle = `${plan.title} – ${labels.milestones}`;
  const header = (title: string) => ['timeline', `  title ${mermaidStatementText(title)}`];
  if (sections.length === 0) {
    const title = `${plan.title} – ${labels.noMilestones}`;
    return [{ type: 'timeline', source: header(title).join('\n') + '\n', title, nodes: {}, omitted: [] }];
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
