import type { Rule } from '../rule';
import { isInUse, obligationData, obligationLevel } from './applicability';
import type { RelatedLocation } from '../../types';

export const aiLiteracyMissing: Rule = {
  id: 'ai-literacy-missing',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'KI im Einsatz, aber strategy.yaml sagt nicht, wie die KI-Kompetenz des Personals gesichert wird (Art. 4 KI-VO).',
    en: 'AI in use, but strategy.yaml does not say how staff AI literacy is ensured (Art. 4 AI Act).',
  },
  messages: {
    missing: {
      de: 'KI-Kompetenz des Personals nicht geregelt ({article_de}{from_de}): in strategy.yaml unter „ai_literacy“ beschreiben, wie sie gesichert wird',
      en: 'Staff AI literacy not addressed ({article_en}{from_en}): describe under "ai_literacy" in strategy.yaml how it is ensured',
    },
    related: { de: 'Hier „ai_literacy“ ergänzen', en: 'Add "ai_literacy" here' },
  },
  check({ measure, model, settings, report }) {
    if (!measure.ai || !isInUse(measure)) return;
    const literacy = model.strategy.aiLiteracy;
    if (literacy?.description?.trim() || literacy?.measure) return;
    const level = obligationLevel('literacy', measure, settings);
    if (!level) return;
    const origin = model.strategy.origin;
    const related: RelatedLocation[] | undefined = origin
      ? [{ file: origin.file, range: origin.source.locate(literacy ? ['ai_literacy'] : [], 'key'), message: aiLiteracyMissing.messages.related }]
      : undefined;
    report({ message: 'missing', data: obligationData('literacy', measure, settings), at: ['ai'], target: 'key', related, level });
  },
};
