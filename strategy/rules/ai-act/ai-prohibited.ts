import type { Rule } from '../rule';
import { appliesFrom, obligationData } from './applicability';

export const aiProhibited: Rule = {
  id: 'ai-prohibited',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'KI-Anwendung mit verbotener Praxis nach Art. 5 KI-VO, die nicht abgebrochen ist.',
    en: 'AI application with a prohibited practice under Art. 5 AI Act that is not cancelled.',
  },
  messages: {
    prohibited: {
      de: 'Verbotene KI-Praxis ({article_de}{from_de}): nicht einsetzen und die Maßnahme auf „status: cancelled“ setzen',
      en: 'Prohibited AI practice ({article_en}{from_en}): do not use it and set the measure to "status: cancelled"',
    },
  },
  check({ measure, settings, report }) {
    if (measure.ai?.risk !== 'prohibited' || measure.status === 'cancelled') return;
    // Planning a prohibited practice is as wrong as running one: error once the ban applies, whatever the status.
    const level = settings.asOf >= appliesFrom('prohibited', measure, settings.aiAct) ? 'error' : 'warning';
    report({ message: 'prohibited', data: obligationData('prohibited', measure, settings), at: ['ai', 'risk'], level });
  },
};
