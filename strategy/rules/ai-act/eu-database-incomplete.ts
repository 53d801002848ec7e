import type { Rule } from '../rule';
import type { ImpactAssessmentKind, Measure } from '../../model/types';
import type { Path } from '../../types';
import { obligationData, obligationLevel } from './applicability';
import { isAnnexIIIPoint2 } from './high-risk';
import { nearestKey } from '../register/entry';

/**
 * The five items of AI Act Annex VIII Section C a public deployer registers (besides the system's
 * own entry, which the provider makes): where each lives in a measure.
 */
export const ANNEX_VIII_C_ITEMS = [
  { item: 'deployerContact', path: ['register', 'deployer_contact'], point: '1' },
  { item: 'submitterContact', path: ['register', 'submitter_contact'], point: '2' },
  { item: 'euDatabase', path: ['register', 'ids', 'eu_database'], point: '3' },
  { item: 'friaSummary', path: ['register', 'impact_assessments'], point: '4', kind: 'fria' },
  { item: 'dpiaSummary', path: ['register', 'impact_assessments'], point: '5', kind: 'dpia' },
] as const satisfies readonly { item: string; path: Path; point: string; kind?: ImpactAssessmentKind }[];

export type AnnexViiiItem = (typeof ANNEX_VIII_C_ITEMS)[number]['item'];

function summaryOf(measure: Measure, kind: ImpactAssessmentKind): string | undefined {
  return measure.register?.impactAssessments.find((a) => a.kind === kind && a.summary?.trim())?.summary;
}

/** The Annex VIII Section C items a high-risk measure lacks (the DPIA only where one is required). */
export function missingAnnexViiiItems(measure: Measure): AnnexViiiItem[] {
  const reg = measure.register;
  const has: Record<AnnexViiiItem, boolean> = {
    deployerContact: !!reg?.deployerContact?.trim(),
    submitterContact: !!reg?.submitterContact?.trim(),
    euDatabase: !!reg?.ids.euDatabase?.trim(),
    friaSummary: !!summaryOf(measure, 'fria'),
    // Point 5: "where applicable" – a DPIA recorded as not required needs no summary.
    dpiaSummary: !!summaryOf(measure, 'dpia') || measure.privacy?.dpia === 'not-required' || measure.privacy?.personal_data === false,
  };
  return ANNEX_VIII_C_ITEMS.filter((i) => !has[i.item]).map((i) => i.item);
}

const LABELS: Record<AnnexViiiItem, { de: string; en: string }> = {
  deployerContact: { de: 'Name, Anschrift und Kontakt des Betreibers („register.deployer_contact“)', en: 'name, address and contact details of the deployer ("register.deployer_contact")' },
  submitterContact: { de: 'Name und Kontakt der einreichenden Person („register.submitter_contact“)', en: 'name and contact details of the person submitting ("register.submitter_contact")' },
  euDatabase: { de: 'URL des Eintrags des Anbieters in der EU-Datenbank („register.ids.eu_database“)', en: 'URL of the provider\'s entry in the EU database ("register.ids.eu_database")' },
  friaSummary: { de: 'Zusammenfassung der Grundrechte-Folgenabschätzung (Eintrag „kind: fria“ mit „summary“)', en: 'summary of the fundamental-rights impact assessment (entry "kind: fria" with "summary")' },
  dpiaSummary: { de: 'Zusammenfassung der Datenschutz-Folgenabschätzung (Eintrag „kind: dpia“ mit „summary“)', en: 'summary of the data-protection impact assessment (entry "kind: dpia" with "summary")' },
};

export const ANNEX_VIII_LABELS = LABELS;

export const euDatabaseIncomplete: Rule = {
  id: 'eu-database-incomplete',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Hochrisiko-KI: eine Angabe nach Anhang VIII Abschnitt C KI-VO für die Registrierung des Betreibers fehlt.',
    en: 'High-risk AI: an item of AI Act Annex VIII Section C for the deployer\'s registration is missing.',
  },
  messages: {
    noRegister: {
      de: 'Für die EU-Datenbank fehlen alle Angaben nach Anhang VIII Abschnitt C ({article_de}{from_de}): Block „register“ mit Betreiber- und Einreicherkontakt, EU-Datenbank-URL und Zusammenfassungen von FRIA und DSFA ergänzen',
      en: 'All items of Annex VIII Section C for the EU database are missing ({article_en}{from_en}): add a "register" block with deployer and submitter contacts, EU database URL and FRIA and DPIA summaries',
    },
    missing: {
      de: 'Für die EU-Datenbank fehlt Anhang VIII Abschnitt C Nr. {point} ({article_de}{from_de}): {label_de}',
      en: 'Missing for the EU database: Annex VIII Section C point {point} ({article_en}{from_en}): {label_en}',
    },
  },
  check({ measure, settings, report }) {
    const ai = measure.ai;
    if (ai?.risk !== 'high' || isAnnexIIIPoint2(ai)) return;
    const level = obligationLevel('registration', measure, settings);
    if (!level) return;
    const data = obligationData('registration', measure, settings);
    if (!measure.register) {
      report({ message: 'noRegister', data, at: ['ai', 'risk'], level });
      return;
    }
    for (const item of missingAnnexViiiItems(measure)) {
      const spec = ANNEX_VIII_C_ITEMS.find((i) => i.item === item)!;
      report({ message: 'missing', data: { ...data, point: spec.point, label_de: LABELS[item].de, label_en: LABELS[item].en }, at: nearestKey(measure, spec.path), target: 'key', level });
    }
  },
};
