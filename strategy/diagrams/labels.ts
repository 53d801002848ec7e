import type { Lang } from '../types';
import type { MeasureStatus } from '../model/types';

/** Fixed words of the diagrams, German and English. */
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

const DE: DiagramLabels = {
  roadmap: 'Roadmap',
  milestones: 'Meilensteine',
  noField: 'Ohne Handlungsfeld',
  noOwner: 'Ohne Verantwortliche',
  noStatus: 'Ohne Status',
  unknownField: (id) => `Handlungsfeld „${id}“ (unbekannt)`,
  status: { idea: 'Idee', planned: 'geplant', pilot: 'Pilot', active: 'aktiv', completed: 'abgeschlossen', paused: 'pausiert', cancelled: 'abgebrochen' },
  asOf: (day) => `Stand ${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`,
  openEnd: 'Ende offen',
  openStart: 'Beginn offen',
  ai: 'KI',
  legend: 'Legende',
  legendAi: 'KI-Initiative',
  legendError: 'mit offenen Fehlern',
  legendWarning: 'mit Warnungen',
  legendDone: 'abgeschlossen',
  legendCancelled: 'abgebrochen oder pausiert',
  legendMilestone: 'Meilenstein',
  legendOutside: 'außerhalb der Auswahl',
  critical: 'kritischer Pfad',
  baseline: (ref) => `Plan ${ref}`,
  noMilestones: 'Keine Meilensteine im Zeitraum',
  noMeasures: 'Keine Maßnahmen mit Datum im Zeitraum',
  part: (i, n) => `Teil ${i} von ${n}`,
  monthAxis: '%m/%Y',
};

const EN: DiagramLabels = {
  roadmap: 'Roadmap',
  milestones: 'Milestones',
  noField: 'No field of action',
  noOwner: 'No owner',
  noStatus: 'No status',
  unknownField: (id) => `Field “${id}” (unknown)`,
  status: { idea: 'idea', planned: 'planned', pilot: 'pilot', active: 'active', completed: 'completed', paused: 'paused', cancelled: 'cancelled' },
  asOf: (day) => `As of ${day}`,
  openEnd: 'open end',
  openStart: 'open start',
  ai: 'AI',
  legend: 'Legend',
  legendAi: 'AI initiative',
  legendError: 'with open errors',
  legendWarning: 'with warnings',
  legendDone: 'completed',
  legendCancelled: 'cancelled or paused',
  legendMilestone: 'Milestone',
  legendOutside: 'outside the selection',
  critical: 'critical path',
  baseline: (ref) => `plan ${ref}`,
  noMilestones: 'No milestones in the period',
  noMeasures: 'No dated measures in the period',
  part: (i, n) => `part ${i} of ${n}`,
  monthAxis: '%Y-%m',
};

export function diagramLabels(lang: Lang): DiagramLabels {
  return lang === 'en' ? EN : DE;
}
