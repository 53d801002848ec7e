import { isRecord } from '../../model/coerce';
import type { Rule } from '../rule';

export const aiRiskUnclassified: Rule = {
  id: 'ai-risk-unclassified',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'KI-Anwendung ohne Risikoklasse nach der KI-Verordnung (Art. 5, 6, 50).',
    en: 'AI application without a risk class under the AI Act (Art. 5, 6, 50).',
  },
  messages: {
    unclassified: {
      de: 'Risikoklasse „unclassified“: KI-System nach Art. 5, Art. 6 mit Anhang III und Art. 50 KI-VO einstufen',
      en: 'Risk class "unclassified": classify the AI system under Art. 5, Art. 6 with Annex III and Art. 50 AI Act',
    },
    missing: {
      de: 'Keine Risikoklasse („risk“) angegeben: KI-System nach Art. 5, Art. 6 mit Anhang III und Art. 50 KI-VO einstufen',
      en: 'No risk class ("risk") given: classify the AI system under Art. 5, Art. 6 with Annex III and Art. 50 AI Act',
    },
  },
  check({ measure, report }) {
    const ai = measure.ai;
    if (!ai || measure.status === 'cancelled') return;
    // An idea cannot be classified before its system is known: a reminder (info) until it is planned.
    const level = measure.status === 'idea' ? { level: 'info' as const } : {};
    if (ai.risk === 'unclassified') {
      report({ message: 'unclassified', at: ['ai', 'risk'], ...level });
      return;
    }
    // A risk value outside the enum is the schema rule's finding; only a missing or empty one is ours.
    const raw = isRecord(measure.data.ai) ? measure.data.ai.risk : undefined;
    if (ai.risk === undefined && raw == null) {
      report({ message: 'missing', at: raw === null ? ['ai', 'risk'] : ['ai'], target: 'key', ...level });
    }
  },
};
