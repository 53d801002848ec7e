import type { Rule } from '../rule';
import { FUNDING_REQUIRED } from '../../data/funding';
import { moneyData, summarizeFunding } from './summary';

export const fundingGap: Rule = {
  id: 'funding-gap',
  category: 'funding',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Die Kosten übersteigen bewilligte Fördermittel und Eigenmittel zusammen.',
    en: 'The cost is above granted funding and own budget together.',
  },
  messages: {
    gap: {
      de: 'Kosten {cost_de} sind nur mit {covered_de} durch bewilligte Fördermittel und Eigenmittel gedeckt (Lücke {gap_de}): Finanzierung ergänzen oder Kosten anpassen',
      en: 'Cost {cost_en} is covered by only {covered_en} of granted funding and own budget (gap {gap_en}): add funding or adjust the cost',
    },
    gapPending: {
      de: 'Kosten {cost_de} sind nur mit {covered_de} durch bewilligte Fördermittel und Eigenmittel gedeckt (Lücke {gap_de}; {pending_de} beantragt oder in Aussicht): Finanzierung sichern oder Kosten anpassen',
      en: 'Cost {cost_en} is covered by only {covered_en} of granted funding and own budget (gap {gap_en}; {pending_en} applied for or expected): secure the funding or adjust the cost',
    },
    unknownAmount: {
      de: 'Kosten {cost_de}, gedeckt sind {covered_de} und bewilligte Mittel ohne Betrag: Betrag („amount“) der Bewilligung eintragen',
      en: 'Cost {cost_en}, covered are {covered_en} and granted money without an amount: add the amount ("amount") of the grant',
    },
  },
  check({ measure, report }) {
    if (!measure.status || !FUNDING_REQUIRED[measure.status]) return;
    const cost = measure.cost?.total;
    if (cost === undefined || cost <= 0) return;
    const funding = summarizeFunding(measure);
    // No entry at all is funding-missing's finding; an own entry without amount covers the rest.
    if (funding.live.length === 0 || funding.ownCoversRest || funding.secured >= cost) return;
    const data = { ...moneyData('cost', cost), ...moneyData('covered', funding.secured), ...moneyData('gap', cost - funding.secured), ...moneyData('pending', funding.pending) };
    const message = funding.securedAmountUnknown ? 'unknownAmount' : funding.pending > 0 ? 'gapPending' : 'gap';
    report({ message, at: measure.cost!.totalPath, data });
  },
};
