import { isRecord } from '../../model/coerce';
import type { Rule } from '../rule';

export const aiExemptionInvalid: Rule = {
  id: 'ai-exemption-invalid',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Ungültige Ausnahme nach Art. 6 Abs. 3 KI-VO: leer, bei Profiling oder ohne Anhang-III-Nummer.',
    en: 'Invalid Art. 6(3) AI Act exemption: empty, with profiling, or without an Annex III point.',
  },
  messages: {
    empty: {
      de: 'Ausnahme nach Art. 6 Abs. 3 KI-VO ohne Begründung: schriftlich begründen, warum das System kein Hochrisiko-System ist, oder „exemption“ entfernen',
      en: 'Art. 6(3) AI Act exemption without a reason: state in writing why the system is not high-risk, or remove "exemption"',
    },
    profiling: {
      de: 'Ausnahme nach Art. 6 Abs. 3 KI-VO gilt nie bei Profiling („profiling: true“): System als Hochrisiko einstufen („risk: high“)',
      en: 'An Art. 6(3) AI Act exemption never applies with profiling ("profiling: true"): classify the system as high-risk ("risk: high")',
    },
    noAnnex: {
      de: 'Ausnahme nach Art. 6 Abs. 3 KI-VO gibt es nur für Systeme nach Anhang III: die Nummer in „annex_iii“ angeben',
      en: 'An Art. 6(3) AI Act exemption exists only for Annex III systems: name the point in "annex_iii"',
    },
  },
  check({ measure, report }) {
    const ai = measure.ai;
    if (ai?.exemption === undefined || measure.status === 'cancelled') return;
    // `exemption:` without a value has no text to point at: point at the key.
    const written = isRecord(measure.data.ai) && measure.data.ai.exemption !== null;
    if (!ai.exemption.trim()) report({ message: 'empty', at: ['ai', 'exemption'], target: written ? 'value' : 'key' });
    if (ai.profiling === true) report({ message: 'profiling', at: ['ai', 'exemption'] });
    if (!ai.annex_iii?.trim()) report({ message: 'noAnnex', at: ['ai', 'exemption'], target: 'key' });
  },
};
