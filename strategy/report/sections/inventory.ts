/** The AI register: one row per AI initiative with every recorded field. */
import type { RootContent } from 'mdast';
import type { Measure } from '../../model/types';
import { fill } from '../labels';
import { code, paragraph, table, type Inline } from '../mdast';
import { orDash, statusLabel, type SectionContext } from './context';

export function inventoryTable(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const { model } = facts;
  if (!facts.ai.length) return [paragraph(L.inventory.none)];
  const v = L.value;
  const bool = (b: boolean | undefined) => (b === true ? v.yes : b === false ? v.no : v.none);
  // Register keys (issue 14): an unrecorded value reads "nicht angegeben" / "not stated".
  const stated = (t: string | undefined) => (t?.trim() ? t.trim() : v.notStated);
  const columns: Array<[string, (m: Measure) => Inline]> = [
    [L.col.id, (m) => code(m.id)],
    [L.col.title, (m) => m.title],
    [L.col.shortDescription, (m) => stated(m.description)],
    [L.col.category, (m) => (m.ai?.category ? L.category[m.ai.category] : v.notStated)],
    [L.col.risk, (m) => (m.ai?.risk ? L.risk[m.ai.risk] : v.notStated)],
    [L.col.status, (m) => statusLabel(ctx, m.status)],
    [L.col.owner, (m) => orDash(ctx, m.owner)],
    [L.col.field, (m) => orDash(ctx, m.field ? model.fieldById.get(m.field.id)?.title ?? m.field.id : undefined)],
    [L.col.goals, (m) => orDash(ctx, m.goals.map((g) => model.goalById.get(g.id)?.title ?? g.id).join('; '))],
    [L.col.purpose, (m) => orDash(ctx, m.ai?.purpose)],
    [L.col.annexIii, (m) => (m.ai?.annex_iii ? fill(v.annexIii, { point: m.ai.annex_iii }) : v.none)],
    [L.col.exemption, (m) => orDash(ctx, m.ai?.exemption)],
    [L.col.profiling, (m) => bool(m.ai?.profiling)],
    [L.col.oversight, (m) => orDash(ctx, m.ai?.human_oversight)],
    [L.col.fria, (m) => (m.ai?.fria ? L.assessment[m.ai.fria] : v.none)],
    [L.col.registration, (m) => (m.ai?.eu_registration ? L.registration[m.ai.eu_registration] : v.none)],
    [L.col.transparency, (m) => bool(m.ai?.transparency_notice)],
    [L.col.vendor, (m) => orDash(ctx, m.ai?.vendor)],
    [L.col.model, (m) => orDash(ctx, m.ai?.model)],
    [L.col.since, (m) => orDash(ctx, fmt.date(m.ai?.in_service_since))],
    [L.col.lifecycle, (m) => lifecycleText(ctx, m)],
    [L.col.period, (m) => orDash(ctx, fmt.period(m.start, m.end))],
    [L.col.personalData, (m) => bool(m.privacy?.personal_data)],
    [L.col.dpia, (m) => (m.privacy?.dpia ? L.assessment[m.privacy.dpia] + (m.privacy.dpia_date ? ` (${fmt.date(m.privacy.dpia_date)})` : '') : v.none)],
    [L.col.dpo, (m) => orDash(ctx, fmt.date(m.privacy?.dpo_consulted))],
    [L.col.legalBasis, (m) => orDash(ctx, m.privacy?.legal_basis)],
    [L.col.ropa, (m) => bool(m.privacy?.ropa)],
    [L.col.assessments, (m) => assessmentsText(ctx, m)],
    [L.col.contact, (m) => stated(m.register?.contact)],
    [L.col.ethics, (m) => (m.ethics?.review ? [L.ethicsReview[m.ethics.review], fmt.date(m.ethics.date), m.ethics.body].filter(Boolean).join(', ') : v.none)],
    [L.col.partners, (m) => orDash(ctx, m.partners.map((p) => model.partnerById.get(p.id)?.name ?? p.id).join('; '))],
    [L.col.file, (m) => code(m.origin.file)],
  ];
  return [
    table({
      caption: L.inventory.caption,
      columns: columns.map(([label]) => ({ label })),
      rows: facts.ai.map((m) => columns.map(([, cell]) => cell(m))),
      rowHeaders: true,
    }),
  ];
}

/** "in Entwicklung seit …, im Einsatz seit …, außer Betrieb seit …" from `lifecycle`. */
export function lifecycleText(ctx: SectionContext, m: Measure): string {
  const { fmt, lang } = ctx;
  const lc = m.lifecycle;
  const words = lang === 'de' ? ['in Entwicklung seit', 'im Einsatz seit', 'außer Betrieb seit'] : ['in development since', 'in use since', 'retired on'];
  const parts = [lc?.developmentSince, lc?.inUseSince, lc?.retiredOn].map((d, i) => (d ? `${words[i]} ${fmt.date(d)}` : undefined)).filter(Boolean);
  return parts.length ? parts.join(', ') : ctx.L.value.notStated;
}

/** The impact assessments of `register.impact_assessments`: kind (or title) and date. */
export function assessmentsText(ctx: SectionContext, m: Measure): string {
  const list = m.register?.impactAssessments ?? [];
  if (!list.length) return ctx.L.value.notStated;
  const kinds = ctx.lang === 'de' ? { dpia: 'DSFA', fria: 'FRIA', ethics: 'Ethik', other: 'sonstige' } : { dpia: 'DPIA', fria: 'FRIA', ethics: 'ethics', other: 'other' };
  return list.map((a) => [a.title?.trim() || kinds[a.kind ?? 'other'], a.date ? ctx.fmt.date(a.date) : undefined].filter(Boolean).join(' ')).join('; ');
}
