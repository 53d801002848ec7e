/** Reads the register keys of a measure: `description`, `register`, `lifecycle`, `jurisdiction`. */
import { arr, dateStr, isRecord, oneOf, str, text } from './coerce';
import { IMPACT_ASSESSMENT_KINDS, type ImpactAssessment, type Lifecycle, type RegisterInfo, type TitledLink } from './types';

function links(v: unknown): TitledLink[] {
  const out: TitledLink[] = [];
  for (const l of arr(v)) if (isRecord(l)) out.push({ title: text(l.title), url: text(l.url) });
  return out;
}

/** `register.legal_basis` is a text, or `{text, links}`; the same for `source_data`. */
function textWithLinks(v: unknown): { text?: string; links: TitledLink[] } {
  if (typeof v === 'string') return { text: v, links: [] };
  if (isRecord(v)) return { text: text(v.text), links: links(v.links) };
  return { links: [] };
}

export function readRegister(v: unknown): RegisterInfo | undefined {
  if (!isRecord(v)) return undefined;
  const legal = textWithLinks(v.legal_basis);
  const source = textWithLinks(v.source_data);
  const assessments: ImpactAssessment[] = [];
  arr(v.impact_assessments).forEach((a, i) => {
    if (!isRecord(a)) return;
    assessments.push({
      kind: oneOf(a.kind, IMPACT_ASSESSMENT_KINDS),
      title: text(a.title),
      date: dateStr(a.date),
      url: text(a.url),
      summary: text(a.summary),
      path: ['register', 'impact_assessments', i],
    });
  });
  const ids = isRecord(v.ids) ? v.ids : {};
  return {
    contact: text(v.contact),
    website: text(v.website),
    legalBasis: legal.text,
    legalBasisLinks: legal.links,
    impactAssessments: assessments,
    sourceData: source.text,
    sourceDataLinks: source.links,
    risks: text(v.risks),
    objection: text(v.objection),
    provider: text(v.provider),
    ids: { register: str(ids.register), source: str(ids.source), euDatabase: text(ids.eu_database) },
    deployerContact: text(v.deployer_contact),
    submitterContact: text(v.submitter_contact),
  };
}

export function readLifecycle(v: unknown): Lifecycle | undefined {
  if (!isRecord(v)) return undefined;
  return { developmentSince: dateStr(v.development_since), inUseSince: dateStr(v.in_use_since), retiredOn: dateStr(v.retired_on) };
}
