import { isRecord } from '../../model/coerce';
import type { Rule } from '../rule';
import { obligationData, obligationLevel } from './applicability';
import type { Path } from '../../types';

export const aiTransparencyMissing: Rule = {
  id: 'ai-transparency-missing',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Chatbot, generierende KI oder KI mit begrenztem Risiko ohne Transparenzhinweis (Art. 50 KI-VO).',
    en: 'Chatbot, generative AI or limited-risk AI without a transparency notice (Art. 50 AI Act).',
  },
  messages: {
    chatbot: {
      de: 'Chatbot ohne Transparenzhinweis ({article_de}{from_de}): Nutzende informieren, dass sie mit einer KI sprechen, und „transparency_notice: true“ eintragen',
      en: 'Chatbot without a transparency notice ({article_en}{from_en}): tell users they are talking to an AI and set "transparency_notice: true"',
    },
    generation: {
      de: 'Generierende KI ohne Transparenzhinweis ({article_de}{from_de}): KI-erzeugte Inhalte kennzeichnen und „transparency_notice: true“ eintragen',
      en: 'Generative AI without a transparency notice ({article_en}{from_en}): label AI-generated content and set "transparency_notice: true"',
    },
    limited: {
      de: 'KI mit begrenztem Risiko ohne Transparenzhinweis ({article_de}{from_de}): Betroffene informieren und „transparency_notice: true“ eintragen',
      en: 'Limited-risk AI without a transparency notice ({article_en}{from_en}): inform the people affected and set "transparency_notice: true"',
    },
  },
  check({ measure, settings, report }) {
    const ai = measure.ai;
    if (!ai || ai.transparency_notice === true) return;
    const trigger = ai.category === 'chatbot' || ai.category === 'generation' ? ai.category : ai.risk === 'limited' ? 'limited' : undefined;
    if (!trigger) return;
    const level = obligationLevel('transparency', measure, settings);
    if (!level) return;
    // Point at `transparency_notice: false` when written, else at what makes the notice necessary.
    const written = isRecord(measure.data.ai) && 'transparency_notice' in measure.data.ai;
    const at: Path = written ? ['ai', 'transparency_notice'] : trigger === 'limited' ? ['ai', 'risk'] : ['ai', 'category'];
    report({ message: trigger, data: obligationData('transparency', measure, settings), at, level });
  },
};
