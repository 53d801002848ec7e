import { eachMeasure, type Rule } from '../rule';
import type { Measure } from '../../model/types';
import { slackViolationsOf, type SlackViolation } from '../../schedule/schedule';

/**
 * A milestone, or a measure's end, that the dependencies push past its deadline: the plan cannot
 * hold. Deadlines are open milestones' own dates and the horizon's end. The finding sits where the
 * plan breaks (the milestone's date, the measure's end), with the chain that pushes it; the
 * measures before it have negative slack too, but their own dates are not the problem.
 */
/** What a measure without violations reads: one shared empty list. */
const NONE: readonly SlackViolation[] = [];

export const negativeSlack: Rule = {
  id: 'negative-slack',
  category: 'planning',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: {
    de: 'Ein Meilenstein oder das Ende einer Maßnahme ist nicht zu halten: die Abhängigkeiten schieben es über den Termin hinaus (negativer Puffer).',
    en: 'A milestone or the end of a measure cannot hold: its dependencies push it past its deadline (negative slack).',
  },
  messages: {
    milestone: {
      de: 'Meilenstein „{milestone}“ ({date}) ist nicht zu halten: über {chain} frühestens am {earliest} erreichbar ({days} Tage negativer Puffer)',
      en: 'Milestone "{milestone}" ({date}) cannot hold: through {chain} it is reachable on {earliest} at the earliest ({days} days of negative slack)',
    },
    horizon: {
      de: 'Ende {date} ist nicht zu halten: über {chain} frühestens am {earliest}, nach dem Ende des Strategiezeitraums ({horizon}; {days} Tage negativer Puffer)',
      en: 'End {date} cannot hold: through {chain} it is reached on {earliest} at the earliest, after the end of the strategy horizon ({horizon}; {days} days of negative slack)',
    },
  },
  check(ctx) {
    // The violations come from the schedule, reused while no date, status, milestone or
    // dependency changes (strategy/schedule/schedule.ts): then an edit costs no schedule. A
    // measure's list stays the same object while its content does, so the workspace replays the
    // reports of every measure whose violations an edit did not change.
    const { byMeasure } = slackViolationsOf(ctx.model);
    const position = new Map<Measure, number>();
    byMeasure.forEach((list, i) => list && position.set(ctx.model.measures[i], i));
    const violationsOf = (m: Measure) => {
      const i = position.get(m);
      return i === undefined ? NONE : byMeasure[i]!;
    };
    const horizon = ctx.model.strategy.horizon?.end;
    eachMeasure(
      ctx,
      (m, report) => {
        const list = violationsOf(m);
        for (const v of list) {
          const chain = { list: v.chain, separator: ' → ' };
          if (v.milestone !== undefined) {
            const ms = m.milestones[v.milestone];
            report({ measure: m, at: [...ms.path, 'date'], message: 'milestone', data: { milestone: ms.id, date: ms.date!, chain, earliest: v.earliest, days: v.days } });
          } else {
            report({ measure: m, at: ['end'], message: 'horizon', data: { date: m.end!, chain, earliest: v.earliest, horizon: horizon ?? v.target!, days: v.days } });
          }
        }
      },
      violationsOf,
    );
  },
};
