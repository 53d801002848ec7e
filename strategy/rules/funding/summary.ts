/** What a measure's funding entries add up to, for the funding rules. */
import { LOST, OWN_FUNDS, PENDING, SECURED } from '../../data/funding';
import type { FundingEntry, Measure } from '../../model/types';
import { makeFormatter, type Formatter } from '../../format';

export interface FundingSummary {
  /** Entries that may still bring money: everything but rejected ones. */
  live: FundingEntry[];
  /** Granted programme money plus own funds with an amount (EUR). */
  secured: number;
  /** Hoped-for programme money with an amount: candidate, planned, applied (EUR). */
  pending: number;
  /** An own entry without an amount: the budget covers whatever the rest leaves open. */
  ownCoversRest: boolean;
  /** A granted programme entry without an amount: how much is secured is unknown. */
  securedAmountUnknown: boolean;
  /** Some money is secured or promised by the budget: a granted entry or any own entry. */
  hasSecured: boolean;
  hasPending: boolean;
}

export const isOwn = (entry: FundingEntry): boolean => entry.source === OWN_FUNDS;

export function summarizeFunding(measure: Measure): FundingSummary {
  const s: FundingSummary = { live: [], secured: 0, pending: 0, ownCoversRest: false, securedAmountUnknown: false, hasSecured: false, hasPending: false };
  for (const entry of measure.funding) {
    if (entry.status && LOST.has(entry.status)) continue;
    s.live.push(entry);
    // Own funds count whatever their status: the budget is the city's own decision.
    if (isOwn(entry)) {
      s.hasSecured = true;
      if (entry.amount === undefined) s.ownCoversRest = true;
      else s.secured += entry.amount;
    } else if (entry.status && SECURED.has(entry.status)) {
      s.hasSecured = true;
      if (entry.amount === undefined) s.securedAmountUnknown = true;
      else s.secured += entry.amount;
    } else if (entry.status && PENDING.has(entry.status)) {
      s.hasPending = true;
      s.pending += entry.amount ?? 0;
    }
  }
  return s;
}

// Made on first use: creating Intl formatters costs start-up time that a clean lint never needs.
let formatters: { de: Formatter; en: Formatter } | undefined;

/** Message data for an amount in both languages: `{name_de}` (180.000 €) and `{name_en}` (€180,000). */
export function moneyData(name: string, amount: number): Record<string, string> {
  formatters ??= { de: makeFormatter('de'), en: makeFormatter('en') };
  return { [`${name}_de`]: formatters.de.money(amount), [`${name}_en`]: formatters.en.money(amount) };
}
