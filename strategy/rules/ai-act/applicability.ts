/** When an AI Act obligation applies to a measure, and the case default severity that follows. */
import { AI_ACT_PUBLIC_LEGACY, type AiActObligationId, type AiActVersion } from '../../data/ai-act';
import type { LintSettings } from '../rule';
import { parseDateSpan, type Day } from '../../dates';
import type { Measure } from '../../model/types';
import type { Severity } from '../../types';

/** A measure whose system (or processing) is in use: the SPEC's pilot/active. */
export function isInUse(measure: Measure): boolean {
  return measure.status === 'pilot' || measure.status === 'active';
}

/**
 * Whether the system went into service before `day`, by `lifecycle.in_use_since` or
 * `ai.in_service_since`, else the measure's
 * `start`. A coarse date counts only when its whole period lies before `day`, so that the
 * Art. 111(2) transition is never granted on a guess.
 */
export function inServiceBefore(measure: Measure, day: Day): boolean {
  const since = parseDateSpan(measure.lifecycle?.inUseSince ?? measure.ai?.in_service_since) ?? measure.startSpan;
  return since !== undefined && since.last < day;
}

/**
 * The first day an obligation applies to this measure. High-risk duties of a system the city
 * (a public authority) already used before the general date are deferred by Art. 111(2).
 */
export function appliesFrom(obligation: AiActObligationId, measure: Measure, version: AiActVersion): Day {
  const o = version.obligations[obligation];
  if (o.highRisk && isInUse(measure) && inServiceBefore(measure, AI_ACT_PUBLIC_LEGACY.inServiceBefore)) return AI_ACT_PUBLIC_LEGACY.compliesBy;
  return o.appliesFrom;
}

/**
 * Case default for a missing obligation: error while in use from the day it applies, warning
 * before that day and for measures not (yet) in use; nothing for cancelled measures.
 */
export function obligationLevel(obligation: AiActObligationId, measure: Measure, settings: LintSettings): Severity | undefined {
  if (measure.status === 'cancelled') return undefined;
  return isInUse(measure) && settings.asOf >= appliesFrom(obligation, measure, settings.aiAct) ? 'error' : 'warning';
}

/**
 * Message data shared by the AI Act rules: the article (`{article_de}`, `{article_en}`) and, while
 * the obligation does not apply yet, when it will (`{from_de}`, `{from_en}`, else empty).
 */
export function obligationData(obligation: AiActObligationId, measure: Measure, settings: LintSettings): Record<string, string> {
  const o = settings.aiAct.obligations[obligation];
  const date = appliesFrom(obligation, measure, settings.aiAct);
  const future = settings.asOf < date;
  return {
    article_de: o.article.de,
    article_en: o.article.en,
    from_de: future ? `, gilt ab ${germanDate(date)}` : '',
    from_en: future ? `, applies from ${date}` : '',
  };
}

function germanDate(day: Day): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}
