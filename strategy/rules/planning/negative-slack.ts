import type { Rule } from '../rule';
import { schedule } from '../../schedule/schedule';

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
    const plan = schedule(ctx.model, { milestoneDeadlines: true });
    const horizon = ctx.model.strategy.horizon?.end;
    for (const s of plan.nodes) {
      if (s.blocked || s.slack === undefined) continue;
      const node = s.node;
      const chain = { list: plan.pushChain(s.ref), separator: ' → ' };
      if (node.kind === 'milestone') {
        const ms = node.milestone;
        // Only where the milestone itself is pushed: slack it inherits from later deadlines is reported there.
        if (ms.status !== 'open' || !ms.date || !s.start.pushed || s.start.pushed <= 0 || (s.start.slack ?? 0) >= 0) continue;
        ctx.report({
          measure: node.measure,
          at: [...ms.path, 'date'],
          message: 'milestone',
          data: { milestone: ms.id, date: ms.date, chain, earliest: s.start.earliest!, days: -s.start.slack! },
        });
      } else {
        const m = node.measure;
        const end = s.end;
        // A planned end already past the horizon is `outside-horizon`'s finding; here only a pushed one.
        if (!m.end || !end.pushed || end.pushed <= 0 || !end.planned || !plan.target.day || end.planned > plan.target.day || (end.slack ?? 0) >= 0) continue;
        if (end.earliest! <= plan.target.day) continue;
        ctx.report({
          measure: m,
          at: ['end'],
          message: 'horizon',
          data: { date: m.end, chain, earliest: end.earliest!, horizon: horizon ?? plan.target.day, days: -end.slack! },
        });
      }
    }
  },
};
