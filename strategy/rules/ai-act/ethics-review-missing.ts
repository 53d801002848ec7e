import type { Rule } from '../rule';
import { isInUse } from './applicability';

export const ethicsReviewMissing: Rule = {
  id: 'ethics-review-missing',
  category: 'ai-act',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'KI-Anwendung im Einsatz ohne abgeschlossene Ethik-Prüfung.',
    en: 'AI application in use without a completed ethics review.',
  },
  messages: {
    missing: {
      de: 'KI-Anwendung im Einsatz ohne Ethik-Prüfung: Block „ethics“ mit „review: done“ (oder „not-required“) ergänzen',
      en: 'AI application in use without an ethics review: add an "ethics" block with "review: done" (or "not-required")',
    },
    pending: {
      de: 'Ethik-Prüfung noch offen („review: pending“), obwohl die KI-Anwendung im Einsatz ist: Prüfung abschließen',
      en: 'Ethics review still pending ("review: pending") although the AI application is in use: complete the review',
    },
  },
  check({ measure, report }) {
    if (!measure.ai || !isInUse(measure)) return;
    const review = measure.ethics?.review;
    if (review === 'done' || review === 'not-required') return;
    if (review === 'pending') report({ message: 'pending', at: ['ethics', 'review'] });
    // A block with a wrong or missing review value is the schema rule's finding.
    else if (measure.data.ethics == null) report({ message: 'missing', at: ['ai'], target: 'key' });
  },
};
