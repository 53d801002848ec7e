/** Question 1: AI applications in use or piloted, by category; planned ones and the rest listed separately. */
import type { RootContent } from 'mdast';
import { AI_CATEGORIES, type Measure } from '../../model/types';
import { fill } from '../labels';
import { heading, paragraph, table } from '../mdast';
import { measureRef, orDash, statusLabel, type SectionContext } from './context';

export function applicationsSection(ctx: SectionContext): RootContent[] {
  const { L, fmt, facts } = ctx;
  const out: RootContent[] = [];
  const since = (m: Measure) => orDash(ctx, fmt.date(m.ai?.in_service_since ?? m.start));
  const purpose = (m: Measure) => orDash(ctx, m.ai?.purpose);
  const owner = (m: Measure) => orDash(ctx, m.owner);
  const category = (m: Measure) => (m.ai?.category ? L.category[m.ai.category] : L.value.notStated);

  if (!facts.aiInUse.length) out.push(paragraph(L.q1.none));
  else {
    out.push(paragraph(L.q1.statusNote));
    const byCategory = new Map<string, Measure[]>();
    for (const m of facts.aiInUse) {
      const key = m.ai?.category ?? 'other';
      const list = byCategory.get(key);
      if (list) list.push(m);
      else byCategory.set(key, [m]);
    }
    for (const cat of AI_CATEGORIES) {
      const ms = byCategory.get(cat);
      if (!ms) continue;
      out.push(
        heading(3, L.category[cat]),
        table({
          caption: fill(L.q1.caption, { category: L.category[cat] }),
          columns: [{ label: L.col.application }, { label: L.col.status }, { label: L.col.owner }, { label: L.col.since }, { label: L.col.purpose }],
          rows: ms.map((m) => [measureRef(m), statusLabel(ctx, m.status), owner(m), since(m), purpose(m)]),
          rowHeaders: true,
        }),
      );
    }
  }

  out.push(heading(3, L.q1.planned));
  if (!facts.aiPlanned.length) out.push(paragraph(L.q1.plannedNone));
  else
    out.push(
      table({
        caption: L.q1.plannedCaption,
        columns: [{ label: L.col.application }, { label: L.col.category }, { label: L.col.status }, { label: L.col.owner }, { label: L.col.start }, { label: L.col.purpose }],
        rows: facts.aiPlanned.map((m) => [measureRef(m), category(m), statusLabel(ctx, m.status), owner(m), orDash(ctx, fmt.date(m.start)), purpose(m)]),
        rowHeaders: true,
      }),
    );

  if (facts.aiOther.length)
    out.push(
      heading(3, L.q1.ended),
      table({
        caption: L.q1.endedCaption,
        columns: [{ label: L.col.application }, { label: L.col.category }, { label: L.col.status }, { label: L.col.owner }, { label: L.col.period }, { label: L.col.purpose }],
        rows: facts.aiOther.map((m) => [measureRef(m), category(m), statusLabel(ctx, m.status), owner(m), orDash(ctx, fmt.period(m.start, m.end)), purpose(m)]),
        rowHeaders: true,
      }),
    );
  return out;
}
