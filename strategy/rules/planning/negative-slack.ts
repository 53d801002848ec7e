import type { Rule } from '../rule';
import { slackViolations } from '../../schedule/schedule';

/**
 * A milestone, or a measure's end, that the dependencies push past its deadline: the plan cannot
 * hold. Deadlines are open milestones' own dates and the horizon's end. The finding sits where the
 * plan breaks (the milestone's date, the measure's end), with the chain that pushes it; the
 * measures before it have negative slack too, but their own dates are not the problem.
 */
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
    // The violations are computed from the schedule, and reused while no date, status, milestone
    // or dependency changed (strategy/schedule/schedule.ts): an edit elsewhere costs no schedule.
    const horizon = ctx.model.strategy.horizon?.end;
    for (const v of slackViolations(ctx.model)) {
      const m = ctx.model.measures[v.measure];
      const chain = { list: v.chain, separator: ' → ' };
      if (v.milestone !== undefined) {
        const ms = m.milestones[v.milestone];
        ctx.report({ measure: m, at: [...ms.path, 'date'], message: 'milestone', data: { milestone: ms.id, date: ms.date!, chain, earliest: v.earliest, days: v.days } });
      } else {
        ctx.report({ measure: m, at: ['end'], message: 'horizon', data: { date: m.end!, chain, earliest: v.earliest, horizon: horizon ?? v.target!, days: v.days } });
      }
    }
  },
};
