/** The AI register: one row per AI initiative with every recorded field. */
import type { RootContent } from 'mdast';
import type { Measure } from '../../model/types';
import { fill } from '../labels';
import { code, heading, paragraph, table, type Inline } from '../mdast';
import { measureRef, orDash, statusLabel, type SectionContext } from './context';

type RegisterColumn = [label: string, cell: (m: Measure) => Inline];

/** Every recorded register value of an AI application, as (label, cell) pairs – one list for the table and the profiles. */
function registerColumns(ctx: SectionContext): RegisterColumn[] {
  const { L, facts, fmt } = ctx;
  const { model } = facts;
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
  return columns;
}

export function inventoryTable(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  if (!facts.ai.length) return [paragraph(L.inventory.none)];
  const columns = registerColumns(ctx);
  return [
    table({
      caption: L.inventory.caption,
      columns: columns.map(([label]) => ({ label })),
      rows: facts.ai.map((m) => columns.map(([, cell]) => cell(m))),
      rowHeaders: true,
    }),
  ];
}

/**
 * The answer to a council question about the register: what a council member reads first – purpose,
 * stage and owner – in a table that fits a page; every other value follows in the appendix
 * (registerProfiles), the files and rule details in the administration's appendix.
 */
export function inventoryAnswer(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  if (!facts.ai.length) return [paragraph(L.inventory.none)];
  const purpose = (m: Measure) => m.ai?.purpose?.trim() || m.description?.trim() || L.value.notStated;
  const when = (m: Measure) => (m.ai?.in_service_since ? fill(L.inventory.inServiceSince, { date: fmt.date(m.ai.in_service_since) }) : orDash(ctx, fmt.period(m.start, m.end)));
  return [
    table({
      caption: L.inventory.answerCaption,
      columns: [{ label: L.col.aiInitiative }, { label: L.col.purpose }, { label: L.col.status }, { label: L.col.period }, { label: L.col.risk }, { label: L.col.owner }],
      rows: facts.ai.map((m) => [measureRef(m), purpose(m), statusLabel(ctx, m.status), when(m), m.ai?.risk ? L.risk[m.ai.risk] : L.value.notStated, orDash(ctx, m.owner)]),
      rowHeaders: true,
    }),
    paragraph(fill(L.inventory.answerMore, { appendix: L.council.appendixRegister })),
  ];
}

/** The council's register appendix: one two-column table per AI application (a 33-column table fits no page); no file paths. */
export function registerProfiles(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  if (!facts.ai.length) return [paragraph(L.inventory.none)];
  const columns = registerColumns(ctx).filter(([label]) => label !== L.col.title && label !== L.col.file);
  return facts.ai.flatMap((m) => [
    heading(3, m.title),
    table({
      caption: m.title,
      columns: [{ label: L.council.item }, { label: L.council.content }],
      // Unrecorded reads "nicht angegeben" here: a dash in a two-column profile looks like "no".
      rows: columns.map(([label, cell]) => {
        const value = cell(m);
        return [label, value === L.value.none ? L.value.notStated : value];
      }),
      rowHeaders: true,
    }),
  ]);
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
