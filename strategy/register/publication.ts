/**
 * What the public register website shows about a system, in plain language, German and English:
 * a list of labelled fields per system, "nicht angegeben" / "not stated" where nothing is recorded.
 * Pure data; cli/register/site.ts turns it into HTML (hast).
 */
import type { Measure, Model } from '../model/types';
import type { Lang } from '../types';
import type { Day } from '../dates';
import { parseDateSpan } from '../dates';
import { isRegisterEntry } from '../rules/register/entry';
import { isRetired, jurisdictionOf } from '../rules/scope';

export type Stage = 'development' | 'in-use' | 'retired';
export type Kind = 'ai-high' | 'ai-limited' | 'ai-minimal' | 'ai-other' | 'algorithm';

export interface Link {
  text: string;
  url: string;
}

/** A field's value: text, links, or not stated. */
export type Value = { text: string } | { links: Link[]; text?: string } | { notStated: true };

export interface PublishedField {
  id: string;
  label: string;
  value: Value;
}

export interface PublishedSystem {
  id: string;
  /** File name of its page (without folder): the id in lower case. */
  slug: string;
  title: string;
  description?: string;
  stage: Stage;
  kind: Kind;
  stageText: string;
  kindText: string;
  fields: PublishedField[];
}

export const STAGES: readonly Stage[] = ['in-use', 'development', 'retired'];
export const KINDS: readonly Kind[] = ['ai-high', 'ai-limited', 'ai-minimal', 'ai-other', 'algorithm'];

export const SITE_TEXT = {
  de: {
    siteTitle: 'KI- und Algorithmenregister',
    intro: 'Dieses Register nennt die KI-Systeme und Algorithmen, die {organisation} einsetzt oder entwickelt: wozu, auf welcher Grundlage, mit welchen Daten, wer sie beaufsichtigt und an wen Sie sich wenden können.',
    all: 'Alle',
    filters: 'Filter',
    byStage: 'Nach Stand',
    byKind: 'Nach Art',
    search: 'Suchen',
    searchHint: 'Ohne JavaScript: Filter oben verwenden oder die Suche Ihres Browsers (Strg+F).',
    systems: 'Systeme',
    count: '{n} von {total} Einträgen',
    name: 'Name',
    description: 'Kurzbeschreibung',
    stage: 'Stand',
    kind: 'Art',
    back: 'Zurück zur Übersicht',
    language: 'English',
    languageLabel: 'Sprache',
    skip: 'Zum Inhalt springen',
    generated: 'Stand der Daten: {date}. Erstellt aus dem Strategie-Repository.',
    notStated: 'nicht angegeben',
    noResults: 'Kein Eintrag passt zum Filter.',
    stages: { development: 'in Entwicklung', 'in-use': 'im Einsatz', retired: 'außer Betrieb' } satisfies Record<Stage, string>,
    kinds: { 'ai-high': 'KI-System, hohes Risiko', 'ai-limited': 'KI-System, begrenztes Risiko', 'ai-minimal': 'KI-System, minimales Risiko', 'ai-other': 'KI-System, Risiko nicht eingestuft', algorithm: 'Algorithmus (kein KI-System)' } satisfies Record<Kind, string>,
    since: 'seit {date}',
    fields: {
      purpose: 'Zweck und Wirkung', oversight: 'Menschliche Aufsicht', legal: 'Rechtsgrundlage', data: 'Verwendete Daten', risks: 'Risiken und Gegenmaßnahmen',
      assessments: 'Folgenabschätzungen', objection: 'Widerspruch und Beschwerde', provider: 'Anbieter', contact: 'Kontakt', website: 'Weitere Informationen',
      owner: 'Verantwortliche Stelle', lifecycle: 'Lebenszyklus', registerId: 'Registernummer', euDatabase: 'Eintrag in der EU-Datenbank', jurisdiction: 'Rechtsraum',
    },
    assessmentKinds: { dpia: 'Datenschutz-Folgenabschätzung', fria: 'Grundrechte-Folgenabschätzung', ethics: 'Ethik-Prüfung', other: 'Prüfung' },
    inDevelopmentSince: 'in Entwicklung seit {date}', inUseSince: 'im Einsatz seit {date}', retiredOn: 'außer Betrieb seit {date}',
    jurisdictions: { eu: 'Europäische Union (KI-Verordnung gilt)', uk: 'Vereinigtes Königreich (KI-Verordnung der EU gilt nicht)' },
  },
  en: {
    siteTitle: 'AI and algorithm register',
    intro: 'This register lists the AI systems and algorithms that {organisation} uses or develops: what for, on what basis, with which data, who oversees them and whom you can contact.',
    all: 'All',
    filters: 'Filters',
    byStage: 'By stage',
    byKind: 'By kind',
    search: 'Search',
    searchHint: 'Without JavaScript: use the filters above or your browser’s find (Ctrl+F).',
    systems: 'Systems',
    count: '{n} of {total} entries',
    name: 'Name',
    description: 'Short description',
    stage: 'Stage',
    kind: 'Kind',
    back: 'Back to the overview',
    language: 'Deutsch',
    languageLabel: 'Language',
    skip: 'Skip to content',
    generated: 'Data as of {date}. Generated from the strategy repository.',
    notStated: 'not stated',
    noResults: 'No entry matches the filter.',
    stages: { development: 'in development', 'in-use': 'in use', retired: 'retired' } satisfies Record<Stage, string>,
    kinds: { 'ai-high': 'AI system, high risk', 'ai-limited': 'AI system, limited risk', 'ai-minimal': 'AI system, minimal risk', 'ai-other': 'AI system, risk not classified', algorithm: 'Algorithm (not an AI system)' } satisfies Record<Kind, string>,
    since: 'since {date}',
    fields: {
      purpose: 'Purpose and impact', oversight: 'Human oversight', legal: 'Legal basis', data: 'Data used', risks: 'Risks and mitigations',
      assessments: 'Impact assessments', objection: 'Objection and appeal', provider: 'Provider', contact: 'Contact', website: 'More information',
      owner: 'Responsible unit', lifecycle: 'Life cycle', registerId: 'Register number', euDatabase: 'Entry in the EU database', jurisdiction: 'Jurisdiction',
    },
    assessmentKinds: { dpia: 'Data protection impact assessment', fria: 'Fundamental rights impact assessment', ethics: 'Ethics review', other: 'Assessment' },
    inDevelopmentSince: 'in development since {date}', inUseSince: 'in use since {date}', retiredOn: 'retired on {date}',
    jurisdictions: { eu: 'European Union (the AI Act applies)', uk: 'United Kingdom (the EU AI Act does not apply)' },
  },
};

export const fillText = (s: string, data: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));

/** Only web and mail addresses become links; anything else stays text (no `javascript:`). */
export function safeUrl(v: string | undefined): string | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  if (/^https?:\/\/[^\s]+$/i.test(t)) return t;
  if (/^mailto:[^\s]+$/i.test(t)) return t;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(t)) return `mailto:${t}`;
  return undefined;
}

export function stageOf(m: Measure, asOf: Day): Stage {
  if (isRetired(m, asOf) || m.status === 'completed' || m.status === 'cancelled') return 'retired';
  const since = parseDateSpan(m.lifecycle?.inUseSince ?? m.ai?.in_service_since);
  if ((since && since.first <= asOf) || m.status === 'active' || m.status === 'pilot') return 'in-use';
  return 'development';
}

export function kindOf(m: Measure): Kind {
  if (m.ai?.system === 'algorithm') return 'algorithm';
  switch (m.ai?.risk) {
    case 'high':
    case 'prohibited':
      return 'ai-high';
    case 'limited':
      return 'ai-limited';
    case 'minimal':
      return 'ai-minimal';
    default:
      return 'ai-other';
  }
}

function formatDate(d: string | undefined, lang: Lang): string | undefined {
  if (!d) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (m) return lang === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : d;
  return d;
}

export function publishSystem(m: Measure, model: Model, asOf: Day, lang: Lang): PublishedSystem {
  const T = SITE_TEXT[lang];
  const reg = m.register;
  const text = (t: string | undefined): Value => (t?.trim() ? { text: t.trim() } : { notStated: true });
  const withLinks = (t: string | undefined, links: { title?: string; url?: string }[]): Value => {
    const list = links.map((l) => ({ url: safeUrl(l.url), text: l.title?.trim() || l.url?.trim() || '' })).filter((l) => l.text);
    const good = list.filter((l): l is Link => l.url !== undefined);
    const bare = list.filter((l) => l.url === undefined).map((l) => l.text);
    const all = [t?.trim(), ...bare].filter(Boolean).join('; ');
    if (good.length) return { links: good, text: all || undefined };
    return text(all);
  };
  const link = (v: string | undefined): Value => {
    const url = safeUrl(v);
    return url ? { links: [{ url, text: v!.trim() }] } : text(v);
  };
  const lc = m.lifecycle;
  const life = [
    lc?.developmentSince && fillText(T.inDevelopmentSince, { date: formatDate(lc.developmentSince, lang)! }),
    (lc?.inUseSince ?? m.ai?.in_service_since) && fillText(T.inUseSince, { date: formatDate(lc?.inUseSince ?? m.ai?.in_service_since, lang)! }),
    lc?.retiredOn && fillText(T.retiredOn, { date: formatDate(lc.retiredOn, lang)! }),
  ].filter(Boolean) as string[];
  const assessments = (reg?.impactAssessments ?? []).map((a) => {
    const parts = [a.title?.trim() || T.assessmentKinds[a.kind ?? 'other'], formatDate(a.date, lang), a.summary?.trim()].filter(Boolean).join(' – ');
    return { text: parts, url: safeUrl(a.url) };
  });
  const assessmentValue: Value = assessments.length
    ? assessments.some((a) => a.url)
      ? { links: assessments.filter((a) => a.url).map((a) => ({ text: a.text, url: a.url! })), text: assessments.filter((a) => !a.url).map((a) => a.text).join('; ') || undefined }
      : { text: assessments.map((a) => a.text).join('; ') }
    : { notStated: true };
  const stage = stageOf(m, asOf);
  const kind = kindOf(m);
  const F = T.fields;
  const fields: PublishedField[] = [
    { id: 'purpose', label: F.purpose, value: text(m.ai?.purpose) },
    { id: 'oversight', label: F.oversight, value: text(m.ai?.human_oversight) },
    { id: 'legal', label: F.legal, value: withLinks(reg?.legalBasis, reg?.legalBasisLinks ?? []) },
    { id: 'data', label: F.data, value: withLinks(reg?.sourceData, reg?.sourceDataLinks ?? []) },
    { id: 'risks', label: F.risks, value: text(reg?.risks) },
    { id: 'assessments', label: F.assessments, value: assessmentValue },
    { id: 'objection', label: F.objection, value: text(reg?.objection) },
    { id: 'provider', label: F.provider, value: text(m.ai?.vendor ?? reg?.provider) },
    { id: 'owner', label: F.owner, value: text(m.owner) },
    { id: 'lifecycle', label: F.lifecycle, value: life.length ? { text: life.join(', ') } : { notStated: true } },
    { id: 'contact', label: F.contact, value: link(reg?.contact) },
    { id: 'website', label: F.website, value: link(reg?.website) },
    { id: 'registerId', label: F.registerId, value: text(reg?.ids.register) },
    { id: 'jurisdiction', label: F.jurisdiction, value: { text: T.jurisdictions[jurisdictionOf(m, model)] } },
  ];
  if (kind === 'ai-high') fields.push({ id: 'euDatabase', label: F.euDatabase, value: link(reg?.ids.euDatabase) });
  return {
    id: m.id,
    slug: m.id.toLowerCase(),
    title: m.title,
    description: m.description?.trim() || m.body?.summary() || undefined,
    stage,
    kind,
    stageText: T.stages[stage],
    kindText: T.kinds[kind],
    fields,
  };
}

/** Every register entry, sorted by title. */
export function publishRegister(model: Model, asOf: Day, lang: Lang): PublishedSystem[] {
  const locale = lang === 'de' ? 'de' : 'en';
  return model.measures
    .filter((m) => model.measureById.get(m.id) === m && isRegisterEntry(m, model))
    .map((m) => publishSystem(m, model, asOf, lang))
    .sort((a, b) => a.title.localeCompare(b.title, locale));
}

