/**
 * What a public algorithm register requires of an entry: the publication fields and their length
 * limits, taken from the Dutch Algoritmeregister publication standard v1.0 (field definitions in
 * test/fixtures/algoritmeregister/standard-v1_0.json), and texts that only stand in for an answer.
 */
import type { Localized, Path } from '../types';

export interface PublicationField {
  /** Where the value lives in a measure. */
  path: Path;
  /** The field of the Dutch standard v1.0 it is published as. */
  standardField: string;
  label: Localized;
  /** Most characters the standard allows. */
  maxLength?: number;
  /** Required by the standard (a record without it is rejected). */
  required?: boolean;
}

// prettier-ignore
export const PUBLICATION_FIELDS: readonly PublicationField[] = [
  { path: ['title'], standardField: 'name', label: { de: 'Name', en: 'name' }, maxLength: 100, required: true },
  { path: ['description'], standardField: 'description_short', label: { de: 'Kurzbeschreibung', en: 'short description' }, maxLength: 400, required: true },
  { path: ['register', 'contact'], standardField: 'contact_email', label: { de: 'Kontakt', en: 'contact' }, maxLength: 500, required: true },
  { path: ['register', 'source_data'], standardField: 'source_data', label: { de: 'Datenquellen', en: 'source data' }, maxLength: 2500, required: true },
  { path: ['register', 'website'], standardField: 'website', label: { de: 'Website', en: 'website' }, maxLength: 500 },
  { path: ['ai', 'purpose'], standardField: 'goal', label: { de: 'Ziel und Wirkung', en: 'goal and impact' }, maxLength: 2500 },
  { path: ['ai', 'human_oversight'], standardField: 'human_intervention', label: { de: 'Menschliches Eingreifen', en: 'human intervention' }, maxLength: 2500 },
  { path: ['register', 'risks'], standardField: 'risks', label: { de: 'Risiken und Gegenmaßnahmen', en: 'risks and mitigations' }, maxLength: 2500 },
  { path: ['register', 'legal_basis'], standardField: 'lawful_basis', label: { de: 'Rechtsgrundlage', en: 'legal basis' }, maxLength: 2500 },
  { path: ['register', 'objection'], standardField: 'objection_procedure', label: { de: 'Widerspruchsverfahren', en: 'objection procedure' }, maxLength: 2500 },
  { path: ['ai', 'vendor'], standardField: 'provider', label: { de: 'Anbieter', en: 'provider' }, maxLength: 200 },
  { path: ['register', 'provider'], standardField: 'provider', label: { de: 'Anbieter', en: 'provider' }, maxLength: 200 },
  { path: ['register', 'ids', 'source'], standardField: 'source_id', label: { de: 'eigene Kennung', en: 'source id' }, maxLength: 100 },
];

/** Limits inside lists: link titles and addresses (lawful_basis_grouping, source_data_grouping, impacttoetsen_grouping). */
export const LINK_TITLE_MAX = 100;
export const URL_MAX = 500;

/**
 * Texts that say nothing yet ("not available yet", "to be done", "follows"), in Dutch, English
 * and German, compared after trimming, lower-casing and dropping closing punctuation. „n.v.t.“
 * (not applicable) is an answer, not a placeholder.
 */
export const PLACEHOLDER_TEXTS: ReadonlySet<string> = new Set([
  'nog niet beschikbaar', 'nog niet bekend', 'volgt', 'nader te bepalen', 'ntb', 'n.t.b', 'nog in te vullen',
  'tbd', 'tba', 'todo', 'to do', 'tbc', 'to be confirmed', 'to be determined', 'not yet available', 'coming soon', 'pending', 'xxx', '...', '…', '-', '–', '?',
  'folgt', 'wird nachgereicht', 'noch offen', 'offen', 'noch nicht verfügbar', 'in arbeit', 'in klärung',
]);

export function isPlaceholder(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/(?<=\w)[.!:;]+$/u, '');
  return PLACEHOLDER_TEXTS.has(t);
}

/** A human-oversight text that is only an answer to a yes/no question. */
export const YES_NO_TEXTS: ReadonlySet<string> = new Set(['yes', 'no', 'ja', 'nein', 'nee', 'y', 'n', 'true', 'false', 'ok', 'x']);
