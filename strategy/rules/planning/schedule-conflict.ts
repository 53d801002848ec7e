import type { Rule } from '../rule';
import { eachMeasure, formatMessage } from '../rule';
import { dependencyGraph, type DependencyNode } from '../../graph';
import type { Day } from '../../dates';
import type { Path } from '../../types';

const MESSAGES = {
  startBeforeEnd: {
    de: 'Beginn {date} liegt vor dem Ende von „{dependency}“ ({due}), wovon die Maßnahme abhängt: Beginn verschieben oder Abhängigkeit prüfen',
    en: 'Starts {date}, before "{dependency}" ends ({due}), which it depends on: move the start or check the dependency',
  },
  startBeforeMilestone: {
    de: 'Beginn {date} liegt vor dem Meilenstein „{dependency}“ ({due}), wovon die Maßnahme abhängt: Beginn verschieben oder Abhängigkeit prüfen',
    en: 'Starts {date}, before milestone "{dependency}" ({due}), which it depends on: move the start or check the dependency',
  },
  milestoneBeforeEnd: {
    de: 'Meilenstein „{milestone}“ ({date}) liegt vor dem Ende von „{dependency}“ ({due}), wovon er abhängt: Meilenstein verschieben oder Abhängigkeit prüfen',
    en: 'Milestone "{milestone}" ({date}) is before "{dependency}" ends ({due}), which it depends on: move the milestone or check the dependency',
  },
  milestoneBeforeMilestone: {
    de: 'Meilenstein „{milestone}“ ({date}) liegt vor dem Meilenstein „{dependency}“ ({due}), wovon er abhängt: Meilenstein verschieben oder Abhängigkeit prüfen',
    en: 'Milestone "{milestone}" ({date}) is before milestone "{dependency}" ({due}), which it depends on: move the milestone or check the dependency',
  },
  relatedEnd: { de: 'Ende von „{dependency}“', en: 'End of "{dependency}"' },
  relatedMilestone: { de: 'Meilenstein „{dependency}“', en: 'Milestone "{dependency}"' },
};

/** The day a node waits from (dependent side) or is done by (dependency side), where it is written. */
interface Timing {
  day: Day;
  written: string;
  path: Path;
}

/**
 * A measure waits with its start (first day of a coarse start); a milestone is due on the last day
 * of its date's period, both as a dependent and as a dependency.
 */
function dependentTiming(node: DependencyNode): Timing | undefined {
  if (node.kind === 'measure') {
    const m = node.measure;
    return m.startSpan && m.start ? { day: m.startSpan.first, written: m.start, path: ['start'] } : undefined;
  }
  const ms = node.milestone;
  return ms.span && ms.date ? { day: ms.span.last, written: ms.date, path: [...ms.path, 'date'] } : undefined;
}

/** A measure is done at the last day of its `end`; a milestone at the last day of its date. */
function dependencyTiming(node: DependencyNode): Timing | undefined {
  if (node.kind === 'measure') {
    const m = node.measure;
    return m.endSpan && m.end ? { day: m.endSpan.last, written: m.end, path: ['end'] } : undefined;
  }
  return dependentTiming(node);
}

function isCancelled(node: DependencyNode): boolean {
  return node.measure.status === 'cancelled' || (node.kind === 'milestone' && node.milestone.status === 'cancelled');
}

export const scheduleConflict: Rule = {
  id: 'schedule-conflict',
  category: 'planning',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: {
    de: 'Eine Maßnahme beginnt, oder ein Meilenstein fällt, bevor das endet oder fällig ist, wovon sie oder er abhängt.',
    en: 'A measure starts, or a milestone falls, before something it depends on ends or is due.',
  },
  messages: MESSAGES,
  check(ctx) {
    const graph = dependencyGraph(ctx.model);
    // One pass over the resolved `depends_on` entries (linear in their number), grouped by the
    // measure that declares them: a measure's findings depend on its dates and those of what it
    // depends on (see eachMeasure).
    eachMeasure(ctx, (measure, report) => {
      for (const node of graph.nodesOf(measure)) {
        for (const { from, to } of graph.dependenciesOf(node)) {
          if (isCancelled(from) || isCancelled(to)) continue;
          // A measure waiting for itself or its own milestone (or the reverse) is a dependency-cycle.
          if (from.measure === to.measure && (from.kind === 'measure' || to.kind === 'measure')) continue;
          const dependent = dependentTiming(from);
          const dependency = dependencyTiming(to);
          if (!dependent || !dependency || !(dependent.day < dependency.day)) continue;
          const message = from.kind === 'measure' ? (to.kind === 'measure' ? 'startBeforeEnd' : 'startBeforeMilestone') : to.kind === 'measure' ? 'milestoneBeforeEnd' : 'milestoneBeforeMilestone';
          const origin = to.measure.origin;
          report({
            measure: from.measure,
            at: dependent.path,
            message,
            data: { date: dependent.written, milestone: from.kind === 'milestone' ? from.milestone.id : '', dependency: to.ref, due: dependency.written },
            related: [
              {
                file: origin.file,
                range: origin.source.locate(dependency.path, 'value', origin.node),
                message: formatMessage(to.kind === 'measure' ? MESSAGES.relatedEnd : MESSAGES.relatedMilestone, { dependency: to.ref }),
              },
            ],
          });
        }
      }
    });
  },
};
