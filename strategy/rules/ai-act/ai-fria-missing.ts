import type { Rule } from '../rule';
import { obligationData, obligationLevel } from './applicability';
import { isAnnexIIIPoint2 } from './high-risk';
import { keyOrBlock } from './location';

export const aiFriaMissing: Rule = {
  id: 'ai-fria-missing',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Hochrisiko-KI ohne abgeschlossene Grundrechte-Folgenabschätzung (Art. 27 KI-VO).',
    en: 'High-risk AI without a completed fundamental rights impact assessment (Art. 27 AI Act).',
  },
  messages: {
    missing: {
      de: 'Grundrechte-Folgenabschätzung fehlt ({article_de}{from_de}): vor dem Einsatz durchführen und „fria: done“ eintragen',
      en: 'Fundamental rights impact assessment missing ({article_en}{from_en}): carry it out before deployment and set "fria: done"',
    },
    open: {
      de: 'Grundrechte-Folgenabschätzung nicht abgeschlossen („fria: {fria}“, {article_de}{from_de}): vor dem Einsatz abschließen',
      en: 'Fundamental rights impact assessment not completed ("fria: {fria}", {article_en}{from_en}): complete it before deployment',
    },
    notRequired: {
      de: '„fria: not-required“ gilt für Hochrisiko-KI einer Behörde nur bei Anhang III Nr. 2 ({article_de}{from_de}): Folgenabschätzung durchführen',
      en: '"fria: not-required" applies to a public body\'s high-risk AI only under Annex III point 2 ({article_en}{from_en}): carry out the assessment',
    },
  },
  check({ measure, settings, report }) {
    const ai = measure.ai;
    if (ai?.risk !== 'high' || ai.fria === 'done' || isAnnexIIIPoint2(ai)) return;
    const level = obligationLevel('fria', measure, settings);
    if (!level) return;
    const message = ai.fria === undefined ? 'missing' : ai.fria === 'not-required' ? 'notRequired' : 'open';
    report({ message, data: { ...obligationData('fria', measure, settings), fria: ai.fria ?? '' }, ...keyOrBlock(measure, 'ai', 'fria'), level });
  },
};
