import type { Rule } from '../rule';
import { formatMessage } from '../rule';
import type { Day } from '../../dates';
import type { Catalogues } from '../../model/types';
import type { Localized, RelatedLocation } from '../../types';

const MESSAGES = {
  startBefore: {
    de: 'Beginn {date} liegt vor dem Zeitraum der Strategie ({horizon}): Datum prüfen oder den Zeitraum („horizon“) in strategy.yaml anpassen',
    en: 'Start {date} is before the strategy\'s period ({horizon}): check the date or adjust the period ("horizon") in strategy.yaml',
  },
  startAfter: {
    de: 'Beginn {date} liegt nach dem Zeitraum der Strategie ({horizon}): Datum prüfen oder den Zeitraum („horizon“) in strategy.yaml anpassen',
    en: 'Start {date} is after the strategy\'s period ({horizon}): check the date or adjust the period ("horizon") in strategy.yaml',
  },
  endBefore: {
    de: 'Ende {date} liegt vor dem Zeitraum der Strategie ({horizon}): Datum prüfen oder den Zeitraum („horizon“) in strategy.yaml anpassen',
    en: 'End {date} is before the strategy\'s period ({horizon}): check the date or adjust the period ("horizon") in strategy.yaml',
  },
  endAfter: {
    de: 'Ende {date} liegt nach dem Zeitraum der Strategie ({horizon}): Datum prüfen oder den Zeitraum („horizon“) in strategy.yaml anpassen',
    en: 'End {date} is after the strategy\'s period ({horizon}): check the date or adjust the period ("horizon") in strategy.yaml',
  },
  milestoneOutside: {
    de: 'Meilenstein „{milestone}“ ({date}) liegt außerhalb des Zeitraums der Strategie ({horizon}): Datum prüfen oder den Zeitraum („horizon“) in strategy.yaml anpassen',
    en: 'Milestone "{milestone}" ({date}) is outside the strategy\'s period ({horizon}): check the date or adjust the period ("horizon") in strategy.yaml',
  },
  horizon: { de: 'Zeitraum der Strategie', en: 'Period of the strategy' },
};

/** Where a day lies relative to the horizon; an open side (no start or no end) bounds nothing. */
function side(day: Day, first: Day | undefined, last: Day | undefined): 'before' | 'after' | undefined {
  if (first && day < first) return 'before';
  if (last && day > last) return 'after';
  return undefined;
}

/** The horizon as the messages name it: `2024–2030`, `ab 2024`/`from 2024`, `bis 2030`/`until 2030`. */
function horizonData(start: string | undefined, end: string | undefined): { horizon: Localized } {
  if (start && end) return { horizon: { de: `${start}–${end}`, en: `${start}–${end}` } };
  if (start) return { horizon: { de: `ab ${start}`, en: `from ${start}` } };
  return { horizon: { de: `bis ${end}`, en: `until ${end}` } };
}

function horizonLocation(model: Catalogues): RelatedLocation[] {
  const origin = model.strategy.origin;
  if (!origin) return [];
  return [{ file: origin.file, range: origin.source.locate(['horizon'], 'value', origin.node), message: formatMessage(MESSAGES.horizon) }];
}

export const outsideHorizon: Rule = {
  id: 'outside-horizon',
  category: 'planning',
  defaultSeverity: 'info',
  scope: 'measure',
  description: {
    de: 'Beginn, Ende oder ein Meilenstein einer Maßnahme liegt außerhalb des Zeitraums der Strategie (`horizon`).',
    en: 'A measure\'s start, end or milestone lies outside the strategy\'s period (`horizon`).',
  },
  messages: MESSAGES,
  check({ measure: m, model, report }) {
    const { horizon, horizonSpan } = model.strategy;
    const first = horizonSpan?.first;
    const last = horizonSpan?.last;
    if ((!first && !last) || m.status === 'cancelled') return;
    // A reversed horizon is reported once (date-order); "outside" it would say nothing about the measures.
    if (first && last && last < first) return;
    const data = horizonData(horizon?.start, horizon?.end);
    const related = horizonLocation(model);
    // A coarse start means its first day, a coarse end its last day, a milestone is due on its last day.
    const start = m.startSpan && side(m.startSpan.first, first, last);
    if (start) report({ message: start === 'before' ? 'startBefore' : 'startAfter', at: ['start'], data: { ...data, date: m.start! }, related });
    const end = m.endSpan && side(m.endSpan.last, first, last);
    if (end) report({ message: end === 'before' ? 'endBefore' : 'endAfter', at: ['end'], data: { ...data, date: m.end! }, related });
    for (const ms of m.milestones) {
      if (ms.status === 'cancelled' || !ms.span || !ms.date || !side(ms.span.last, first, last)) continue;
      report({ message: 'milestoneOutside', at: [...ms.path, 'date'], data: { ...data, milestone: ms.id, date: ms.date }, related });
    }
  },
};
