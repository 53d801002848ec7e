import type { Rule } from '../rule';
import { obligationData, obligationLevel } from './applicability';
import { keyOrBlock } from './location';

export const aiOversightMissing: Rule = {
  id: 'ai-oversight-missing',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Hochrisiko-KI ohne beschriebene menschliche Aufsicht (Art. 14, Art. 26 Abs. 2 KI-VO).',
    en: 'High-risk AI without described human oversight (Art. 14, 26(2) AI Act).',
  },
  messages: {
    missing: {
      de: 'Menschliche Aufsicht nicht beschrieben ({article_de}{from_de}): in „human_oversight“ festhalten, wer das System beaufsichtigt und eingreifen kann',
      en: 'Human oversight not described ({article_en}{from_en}): state in "human_oversight" who oversees the system and can intervene',
    },
  },
  check({ measure, settings, report }) {
    const ai = measure.ai;
    if (ai?.risk !== 'high' || ai.human_oversight?.trim()) return;
    const level = obligationLevel('oversight', measure, settings);
    if (!level) return;
    report({ message: 'missing', data: obligationData('oversight', measure, settings), ...keyOrBlock(measure, 'ai', 'human_oversight'), level });
  },
};
