/** Question 2: pilot projects, and cooperations grouped by the kind of partner. */
import type { RootContent } from 'mdast';
import { fill } from '../labels';
import { heading, paragraph, table, type Inline } from '../mdast';
import { PARTNER_GROUPS } from '../facts';
import { measureRef, measureRefs, orDash, statusLabel, type SectionContext } from './context';

export function cooperationsSection(ctx: SectionContext): RootContent[] {
  const { L, fmt, facts } = ctx;
  const { model } = facts;
  const out: RootContent[] = [heading(3, L.q2.pilots)];

  if (!facts.pilots.length) out.push(paragraph(L.q2.pilotsNone));
  else
    out.push(
      table({
        caption: L.q2.pilotsCaption,
        columns: [{ label: L.col.measure }, { label: L.col.field }, { label: L.col.owner }, { label: L.col.period }, { label: L.col.partners }, { label: L.col.ai }],
        rows: facts.pilots.map((m) => {
          const field = m.field ? model.fieldById.get(m.field.id)?.title ?? m.field.id : undefined;
          const partners = m.partners.map((p) => model.partnerById.get(p.id)?.name ?? p.id).join('; ');
          return [measureRef(m), orDash(ctx, field), orDash(ctx, m.owner), orDash(ctx, fmt.period(m.start, m.end)), orDash(ctx, partners), m.ai ? L.value.yes : L.value.no];
        }),
        rowHeaders: true,
      }),
    );

  for (const group of PARTNER_GROUPS) {
    const rows = facts.partners[group];
    if (group === 'other' && !rows.length) continue;
    const title = L.partnerGroup[group];
    out.push(heading(3, title));
    if (!rows.length) {
      out.push(paragraph(L.q2.none));
      continue;
    }
    out.push(
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
