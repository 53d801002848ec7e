/** Question 3: adoption of the strategy, AI-related fields and goals, AI initiatives per field; the roadmap. */
import type { RootContent } from 'mdast';
import { fill } from '../labels';
import { heading, list, paragraph, strong, table } from '../mdast';
import { placeDiagram } from '../diagrams';
import type { Measure } from '../../model/types';
import type { RelatedElement } from '../facts';
import { describe, measureRef, measureRefs, orDash, statusLabel, type SectionContext } from './context';

export function strategySection(ctx: SectionContext): RootContent[] {
  const { L, fmt, facts } = ctx;
  const { model } = facts;
  const s = model.strategy;
  const title = s.title ?? '';
  const out: RootContent[] = [heading(3, L.q3.adoption)];

  const adoption = s.adopted?.date
    ? fill(s.adopted.reference ? L.q3.adopted : L.q3.adoptedNoRef, { title, date: fmt.date(s.adopted.date), reference: s.adopted.reference ?? '' })
    : fill(L.q3.notAdopted, { title });
  const horizon = s.horizon && (s.horizon.start || s.horizon.end) ? ' ' + fill(L.q3.horizon, { period: fmt.period(s.horizon.start, s.horizon.end) }) : '';
  const counts = fill(L.q3.counts, {
    fields: fmt.count(model.fieldById.size),
    goals: fmt.count(model.goalById.size),
    measures: fmt.count(facts.measures.length),
    ai: fmt.count(facts.ai.length),
  });
  out.push(paragraph(adoption + horizon + ' ' + counts));

  out.push(heading(3, L.q3.related), paragraph(L.q3.criterion));
  const basis = (r: RelatedElement<unknown>) => {
    const parts: string[] = [];
    if (r.initiatives.length) parts.push(r.initiatives.length === 1 ? L.q3.byReferenceOne : fill(L.q3.byReference, { n: fmt.count(r.initiatives.length) }));
    if (r.mentionsAi) parts.push(L.q3.byText);
    return parts.join('; ');
  };
  if (!facts.relatedFields.length) out.push(paragraph(L.q3.fieldsNone));
  else
    out.push(
      table({
        caption: L.q3.fieldsCaption,
        columns: [{ label: L.col.field }, { label: L.col.aiInitiatives }, { label: L.col.basis }],
        rows: facts.relatedFields.map((r) => [r.element.title, measureRefs(r.initiatives, undefined, L.value.none), basis(r)]),
        rowHeaders: true,
      }),
    );
  if (!facts.relatedGoals.length) out.push(paragraph(L.q3.goalsNone));
  else
    out.push(
      table({
        caption: L.q3.goalsCaption,
        columns: [{ label: L.col.goal }, { label: L.col.field }, { label: L.col.aiInitiatives }, { label: L.col.basis }],
        rows: facts.relatedGoals.map((r) => {
          const field = r.element.field ? model.fieldById.get(r.element.field.id)?.title ?? r.element.field.id : undefined;
          return [r.element.title, orDash(ctx, field), measureRefs(r.initiatives, undefined, L.value.none), basis(r)];
        }),
        rowHeaders: true,
      }),
    );

  out.push(heading(3, L.q3.perField));
  if (!facts.ai.length) out.push(paragraph(L.q3.perFieldNone));
  else
    out.push(
      table({
        caption: L.q3.perFieldCaption,
        columns: [{ label: L.col.field }, { label: L.col.aiInitiative }, { label: L.col.status }, { label: L.col.period }, { label: L.col.goals }],
        rows: facts.aiByField.flatMap(({ field, initiatives }) =>
          initiatives.map((m) => {
            const goals = m.goals.map((g) => model.goalById.get(g.id)?.title ?? g.id).join('; ');
            return [field?.title ?? L.q3.noField, measureRef(m), statusLabel(ctx, m.status), orDash(ctx, fmt.period(m.start, m.end)), orDash(ctx, goals)];
          }),
        ),
        rowHeaders: true,
      }),
    );

  return [...out, ...governanceTable(ctx)];
}

/** The measures that govern the use of AI (tag `governance`), with what they do. */
export function governanceTable(ctx: SectionContext): RootContent[] {
  const { L, fmt, facts } = ctx;
  const C = L.council;
  const out: RootContent[] = [heading(3, C.governance)];
  if (!facts.governance.length) return [...out, paragraph(C.governanceNone)];
  return [
    ...out,
    paragraph(C.governanceIntro),
    table({
      caption: C.governanceCaption,
      columns: [{ label: L.col.measure }, { label: L.col.status }, { label: L.col.period }, { label: L.col.description }],
      rows: facts.governance.map((m) => [measureRef(m), statusLabel(ctx, m.status), orDash(ctx, fmt.period(m.start, m.end)), orDash(ctx, describe(m))]),
      rowHeaders: true,
    }),
  ];
}

/** The roadmap of the AI initiatives (a gantt per field of action), and which initiatives it cannot show. */
export function roadmapSection(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const { model } = facts;
  const out: RootContent[] = [heading(3, L.q3.roadmap)];
  if (!ctx.roadmap.length) out.push(paragraph(L.q3.roadmapNone));
  else {
    out.push(paragraph(L.q3.roadmapNote));
    const split = ctx.roadmap.length > 1;
    ctx.roadmap.forEach((d, i) => {
      if (split) out.push(heading(4, d.title));
      // Each diagram carries a short alternative text and is followed by the same facts as a table.
      const shown = [...new Set(Object.values(d.nodes).filter((n) => !n.milestone && !n.outside).map((n) => n.measure))].map((id) => model.measureById.get(id)).filter((m): m is Measure => Boolean(m));
      const alt = fill(L.council.roadmapAlt, { title: d.title, n: fmt.count(shown.length), asOf: fmt.date(facts.asOf) });
      const textAlternative: RootContent[] = [
        paragraph(strong(L.council.legend)),
        // The diagram's own legend (diagram.look.*): only the looks this chart uses, one source for every output.
        list((d.legend ?? []).map((item) => [item])),
        paragraph(strong(L.council.roadmapText)),
        table({
          caption: fill(L.council.roadmapTextCaption, { title: d.title }),
          columns: [{ label: L.col.aiInitiative }, { label: L.col.field }, { label: L.col.status }, { label: L.col.start }, { label: L.council.end }, { label: L.council.milestones }],
          rows: shown.map((m) => [
            measureRef(m),
            orDash(ctx, m.field ? model.fieldById.get(m.field.id)?.title ?? m.field.id : undefined),
            statusLabel(ctx, m.status),
            orDash(ctx, fmt.date(m.start)),
            m.end ? fmt.date(m.end) : L.council.openEnd,
            orDash(ctx, m.milestones.map((ms) => `${ms.title} (${ms.date ? fmt.date(ms.date) : L.value.notStated}; ${L.council.milestoneStatus[ms.status ?? 'open']})`).join('; ')),
          ]),
          rowHeaders: true,
        }),
      ];
      out.push(placeDiagram(ctx.diagrams, { id: `roadmap-${i + 1}`, kind: d.type, source: d.source.replace(/\n+$/, ''), alt, caption: d.title, textAlternative }));
    });
  }
  // Initiatives without any date cannot be drawn; say which, so that the roadmap is not read as complete.
  const omitted = [...new Set(ctx.roadmap.flatMap((d) => d.omitted))].map((id) => model.measureById.get(id)).filter((m): m is NonNullable<typeof m> => Boolean(m));
  const undated = ctx.roadmap.length ? omitted : facts.ai.filter((m) => !m.start && !m.end);
  if (undated.length) out.push(paragraph(L.q3.roadmapOmitted, ' ', ...measureRefs(undated, undefined, '')));
  return out;
}
