/**
 * Question 2: pilot projects and cooperations on AI, grouped by the kind of partner; every other
 * cooperation of the strategy in an appendix. A partner without any measure is no cooperation.
 */
import type { RootContent } from 'mdast';
import type { Measure, Partner } from '../../model/types';
import { fill } from '../labels';
import { heading, paragraph, table, type Inline } from '../mdast';
import { PARTNER_GROUPS, type PartnerGroup } from '../facts';
import { measureRef, measureRefs, orDash, statusLabel, type SectionContext } from './context';

type Groups = Record<PartnerGroup, Array<{ partner: Partner; measures: Measure[] }>>;

function pilotTable(ctx: SectionContext, pilots: Measure[], caption: string): RootContent {
  const { L, fmt, facts } = ctx;
  const { model } = facts;
  return table({
    caption,
    columns: [{ label: L.col.measure }, { label: L.col.field }, { label: L.col.owner }, { label: L.col.period }, { label: L.col.partners }],
    rows: pilots.map((m) => {
      const field = m.field ? model.fieldById.get(m.field.id)?.title ?? m.field.id : undefined;
      const partners = m.partners.map((p) => model.partnerById.get(p.id)?.name ?? p.id).join('; ');
      return [measureRef(m), orDash(ctx, field), orDash(ctx, m.owner), orDash(ctx, fmt.period(m.start, m.end)), orDash(ctx, partners)];
    }),
    rowHeaders: true,
  });
}

/** One table per kind of partner that has rows. */
function partnerTables(ctx: SectionContext, groups: Groups): RootContent[] {
  const { L } = ctx;
  const out: RootContent[] = [];
  for (const group of PARTNER_GROUPS) {
    const rows = groups[group];
    if (!rows.length) continue;
    const title = L.partnerGroup[group];
    out.push(
      heading(3, title),
      table({
        caption: fill(L.q2.caption, { group: title }),
        columns: [{ label: L.col.partner }, { label: L.col.kind }, { label: L.col.measures }],
        rows: rows.map(({ partner, measures }): Inline[] => [
          partner.name,
          partner.kind ? L.partnerKind[partner.kind] : L.value.notStated,
          measureRefs(measures, (m) => statusLabel(ctx, m.status), L.q2.noMeasure),
        ]),
        rowHeaders: true,
      }),
    );
  }
  return out;
}

/** The council's answer: pilots and cooperations on AI (AI applications and AI governance). */
export function cooperationsSection(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  const C = L.council;
  const inScope = new Set(facts.aiScope);
  const pilots = facts.pilots.filter((m) => inScope.has(m));
  const out: RootContent[] = [paragraph(fill(C.cooperationScope, { appendix: C.appendixCooperations })), heading(3, C.aiPilots)];
  out.push(pilots.length ? pilotTable(ctx, pilots, C.aiPilotsCaption) : paragraph(C.aiPilotsNone));
  const tables = partnerTables(ctx, facts.aiPartners);
  return [...out, ...(tables.length ? tables : [paragraph(C.aiCooperationsNone)])];
}

/** Appendix: the strategy's other pilots and cooperations, and the partners without a measure. */
export function otherCooperationsAppendix(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  const C = L.council;
  const inScope = new Set(facts.aiScope);
  const pilots = facts.pilots.filter((m) => !inScope.has(m));
  const out: RootContent[] = [paragraph(C.appendixCooperationsIntro)];
  if (pilots.length) out.push(heading(3, C.otherPilots), pilotTable(ctx, pilots, C.otherPilotsCaption));
  const tables = partnerTables(ctx, facts.otherPartners);
  out.push(...(tables.length ? tables : [paragraph(L.q2.none)]));
  if (facts.idlePartners.length) out.push(paragraph(C.idlePartners, ' ', facts.idlePartners.map((p) => p.name).join('; ')));
  return out;
}
