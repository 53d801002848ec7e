import type { Lang } from '../types';
import { MEASURE_STATUSES } from '../model/types';
import { message } from '../messages/index';
import type { MeasureStatus } from '../model/types';

/** Fixed words of the diagrams, from the message catalogue (`diagram.*`, `status.*` in strategy/messages). */
export interface DiagramLabels {
  roadmap: string;
  milestones: string;
  noField: string;
  noOwner: string;
  noStatus: string;
  unknownField: (id: string) => string;
  status: Record<MeasureStatus, string>;
  asOf: (day: string) => string;
  openEnd: string;
  openStart: string;
  ai: string;
  legend: string;
  legendAi: string;
  legendError: string;
  legendWarning: string;
  legendDone: string;
  legendCancelled: string;
  legendMilestone: string;
  legendOutside: string;
  /** Gantt note and legend entry of the critical path (`criticalPath` option). */
  critical: string;
  /** Label of a baseline bar (`roadmap --baseline REF`). */
  baseline: (ref: string) => string;
  noMilestones: string;
  noMeasures: string;
  part: (i: number, n: number) => string;
  /** d3 time format of the gantt axis for monthly/quarterly ticks. */
  monthAxis: string;
}

const SIMPLE = ['roadmap', 'milestones', 'noField', 'noOwner', 'noStatus', 'openEnd', 'openStart', 'ai', 'legend', 'legendAi', 'legendError', 'legendWarning', 'legendDone', 'legendCancelled', 'legendMilestone', 'legendOutside', 'critical', 'noMilestones', 'noMeasures', 'monthAxis'] as const;

const cache = new Map<Lang, DiagramLabels>();

export function diagramLabels(lang: Lang): DiagramLabels {
  let labels = cache.get(lang);
  if (!labels) {
    const words = Object.fromEntries(SIMPLE.map((k) => [k, message(lang, `diagram.${k}`)])) as Record<(typeof SIMPLE)[number], string>;
    labels = {
      ...words,
      unknownField: (id) => message(lang, 'diagram.unknownField', { id }),
      status: Object.fromEntries(MEASURE_STATUSES.map((s) => [s, message(lang, `status.${s}`)])) as Record<MeasureStatus, string>,
      asOf: (day) => message(lang, 'diagram.asOf', { year: day.slice(0, 4), month: day.slice(5, 7), day: day.slice(8, 10) }),
      part: (i, n) => message(lang, 'diagram.part', { i, n }),
      baseline: (ref) => message(lang, 'diagram.baseline', { ref }),
    };
    cache.set(lang, labels);
  }
  return labels;
}
