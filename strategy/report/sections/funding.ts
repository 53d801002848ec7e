/** Question 4 and the funding report: sums per programme, funding body and status; unused programmes; deadlines. */
import type { RootContent } from 'mdast';
import { FUNDING_STATUSES, type Programme, type Provider } from '../../model/types';
import { fill } from '../labels';
import { code, heading, paragraph, table, type Inline } from '../mdast';
import type { FundingFacts, StatusSum, Sums } from '../facts';
import type { FundingStatus } from '../../model/types';
import { OWN_FUNDS } from '../../data/funding';
import { addMoney } from '../../format';
import { measureRef, measureRefs, orDash, type SectionContext } from './context';

const right = 'right' as const;

function money(ctx: SectionContext, s: StatusSum): string {
  return s.count > s.withoutAmount ? ctx.fmt.money(s.amount) : ctx.L.value.none;
}

/** Planned and candidate money together: both are not yet applied for. */
function plannedSum(sums: Sums): StatusSum {
  return {
    count: sums.planned.count + sums.candidate.count,
    amount: addMoney(sums.planned.amount, sums.candidate.amount),
    withoutAmount: sums.planned.withoutAmount + sums.candidate.withoutAmount,
  };
}

function statusCells(ctx: SectionContext, sums: Sums): string[] {
  return [money(ctx, sums.applied), money(ctx, sums.granted), money(ctx, sums.rejected), money(ctx, plannedSum(sums))];
}

function providerLabel(ctx: SectionContext, p: Provider | undefined): string {
  return p ? ctx.L.provider[p] : ctx.L.unknownProvider;
}

function rate(ctx: SectionContext, value: Programme['rate']): string {
  if (typeof value === 'number') {
    const share = value <= 1 ? value : value / 100;
    return new Intl.NumberFormat(ctx.lang === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
  }
  return orDash(ctx, value);
}

function missingAmountsNote(ctx: SectionContext, sums: Sums): string {
  const n = FUNDING_STATUSES.reduce((acc, st) => acc + sums[st].withoutAmount, 0);
  if (!n) return '';
  return ' ' + (n === 1 ? ctx.L.q4.missingAmountsOne : fill(ctx.L.q4.missingAmounts, { n: ctx.fmt.count(n) }));
}

const statusColumns = (ctx: SectionContext) => [
  { label: ctx.L.col.applied, align: right },
  { label: ctx.L.col.granted, align: right },
  { label: ctx.L.col.rejected, align: right },
  { label: ctx.L.col.planned, align: right },
];

export function byProgrammeTable(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  const f = facts.funding;
  if (!f.lines.length) return [paragraph(L.q4.none)];
  const name = (source: string, p?: Programme) => p?.name ?? (source === 'own' ? L.q4.own : fill(L.q4.unknownProgramme, { id: source }));
  const rows: Inline[][] = f.programmes.map((r) => [name(r.source, r.programme), r.programme ? providerLabel(ctx, r.provider) : L.value.none, ...statusCells(ctx, r.sums), measureRefs(r.measures, undefined, L.value.none)]);
  const totals: Inline[][] = [[L.q4.total, '', ...statusCells(ctx, f.total), '']];
  const after: Inline[][] = f.own ? [[L.q4.own, L.value.none, ...statusCells(ctx, f.own.sums), measureRefs(f.own.measures, undefined, L.value.none)]] : [];
  return [
    table({
      caption: L.q4.byProgrammeCaption,
      columns: [{ label: L.col.programme }, { label: L.col.provider }, ...statusColumns(ctx), { label: L.col.measures }],
      rows,
      totals,
      after,
      rowHeaders: true,
    }),
    paragraph(L.q4.plannedNote + missingAmountsNote(ctx, f.all)),
  ];
}

export function byProviderTable(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  const f = facts.funding;
  if (!f.providers.length) return [];
  return [
    table({
      caption: L.q4.byProviderCaption,
      columns: [{ label: L.col.provider }, ...statusColumns(ctx)],
      rows: f.providers.map((p) => [providerLabel(ctx, p.provider), ...statusCells(ctx, p.sums)]),
      totals: [[L.q4.total, ...statusCells(ctx, f.total)]],
      rowHeaders: true,
    }),
  ];
}

export function byStatusTable(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const f = facts.funding;
  if (!f.lines.length) return [paragraph(L.q4.none)];
  const own = f.own?.sums;
  const statuses = FUNDING_STATUSES.filter((st) => f.all[st].count);
  return [
    table({
      caption: L.q4.byStatusCaption,
      columns: [{ label: L.col.status }, { label: L.col.entries, align: right }, { label: L.col.externalFunding, align: right }, { label: L.col.ownFunds, align: right }],
      rows: statuses.map((st) => [L.funding[st], fmt.count(f.all[st].count), money(ctx, f.total[st]), own ? money(ctx, own[st]) : L.value.none]),
      rowHeaders: true,
    }),
  ];
}

export function detailTable(ctx: SectionContext, f: FundingFacts = ctx.facts.funding, caption = ctx.L.q4.detailCaption): RootContent[] {
  const { L, fmt } = ctx;
  if (!f.lines.length) return [paragraph(L.q4.none)];
  const collator = new Intl.Collator(ctx.lang === 'de' ? 'de-DE' : 'en-GB', { sensitivity: 'base', numeric: true });
  const lines = f.lines.slice().sort((a, b) => collator.compare(a.measure.title, b.measure.title) || (a.measure.id < b.measure.id ? -1 : a.measure.id > b.measure.id ? 1 : 0));
  return [
    table({
      caption,
      columns: [{ label: L.col.measure }, { label: L.col.programme }, { label: L.col.status }, { label: L.col.amount, align: right }, { label: L.col.date }, { label: L.col.reference }],
      rows: lines.map(({ measure, entry, programme }) => [
        measureRef(measure),
        programme?.name ?? (entry.source === 'own' ? L.q4.own : fill(L.q4.unknownProgramme, { id: entry.source })),
        entryStatus(ctx, entry.source, entry.status, Boolean(programme)),
        typeof entry.amount === 'number' ? fmt.money(entry.amount) : L.value.none,
        orDash(ctx, fmt.date(entry.date)),
        entry.reference ? code(entry.reference) : L.value.none,
      ]),
      rowHeaders: true,
    }),
  ];
}

export function unusedProgrammes(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const unused = facts.funding.unused;
  const out: RootContent[] = [heading(3, L.q4.unused)];
  if (!unused.length) return [...out, paragraph(L.q4.unusedNone)];
  out.push(
    table({
      caption: L.q4.unusedCaption,
      columns: [{ label: L.col.programme }, { label: L.col.provider }, { label: L.col.rate, align: right }, { label: L.col.deadline }, { label: L.col.notes }],
      rows: unused.map((p) => [
        p.name,
        providerLabel(ctx, p.provider),
        rate(ctx, p.rate),
        orDash(ctx, fmt.date(p.deadline)),
        orDash(ctx, [facts.funding.rejectedOnly.has(p.id) ? L.council.rejectedApplication : '', p.body, p.notes, p.url].filter(Boolean).join(' – ')),
      ]),
      rowHeaders: true,
    }),
  );
  return out;
}

export function deadlines(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const list = facts.funding.deadlines;
  const out: RootContent[] = [heading(3, L.q4.deadlines)];
  if (!list.length) return [...out, paragraph(L.q4.deadlinesNone)];
  const remaining = (days: number) => (days === 0 ? L.q4.today : days === 1 ? L.q4.daysLeftOne : fill(L.q4.daysLeft, { n: fmt.count(days) }));
  out.push(
    table({
      caption: L.q4.deadlinesCaption,
      columns: [{ label: L.col.programme }, { label: L.col.deadline }, { label: L.col.remaining, align: right }, { label: L.col.measures }],
      rows: list.map((d) => {
        const measures: Inline[] = d.lines.length ? [] : [L.value.none];
        d.lines.forEach((l, i) => {
          if (i) measures.push('; ');
          measures.push(l.measure.title, ' (', code(l.measure.id), `, ${l.entry.status ? L.funding[l.entry.status] : L.value.notStated})`);
        });
        return [d.programme.name, fmt.date(d.programme.deadline), remaining(d.days), measures];
      }),
      rowHeaders: true,
    }),
  );
  return out;
}

export function fundingSection(ctx: SectionContext): RootContent[] {
  const { L } = ctx;
  return [
    heading(3, L.q4.byProgramme),
    ...byProgrammeTable(ctx),
    ...(ctx.facts.funding.providers.length ? [heading(3, L.q4.byProvider), ...byProviderTable(ctx)] : []),
    ...unusedProgrammes(ctx),
    ...deadlines(ctx),
  ];
}

/** Own funds are provided in the budget, not granted: one word for each. */
function entryStatus(ctx: SectionContext, source: string, status: FundingStatus | undefined, isProgramme: boolean): string {
  if (!status) return ctx.L.value.notStated;
  if (status === 'granted' && source === OWN_FUNDS && !isProgramme) return ctx.L.council.ownProvided;
  return ctx.L.funding[status];
}

/** Funding by funding body (Bund, Land, EU …) and state, own funds apart. */
export function fundingByBodyTable(ctx: SectionContext, f: FundingFacts): RootContent[] {
  const { L } = ctx;
  const C = L.council;
  const cells = (sums: Sums) => [money(ctx, sums.granted), money(ctx, sums.applied), money(ctx, plannedSum(sums)), money(ctx, sums.rejected)];
  const columns = [
    { label: L.col.provider },
    { label: C.grantedOrProvided, align: right },
    { label: L.col.applied, align: right },
    { label: L.col.planned, align: right },
    { label: L.col.rejected, align: right },
  ];
  return [
    table({
      caption: C.fundingByBodyCaption,
      columns,
      rows: f.providers.map((p) => [providerLabel(ctx, p.provider), ...cells(p.sums)]),
      totals: [[L.q4.total, ...cells(f.total)]],
      after: f.own ? [[C.ownBudget, ...cells(f.own.sums)]] : [],
      rowHeaders: true,
    }),
    paragraph(L.q4.plannedNote + (f.own ? ' ' + C.ownNote : '') + missingAmountsNote(ctx, f.all)),
  ];
}

/** The council's funding answer: funding of the AI scope, split by funding body; gaps; programmes that could be used. */
export function aiFundingAnswer(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const C = L.council;
  const f = facts.aiFunding;
  const out: RootContent[] = [
    heading(3, C.fundingByBody),
    paragraph(fill(C.scopeAi, { ai: fmt.count(facts.ai.length), governance: fmt.count(facts.governance.length), appendix: C.appendixFunding })),
  ];
  if (!f.lines.length) out.push(paragraph(C.fundingNone));
  else out.push(...fundingByBodyTable(ctx, f), heading(3, C.fundingPerMeasure), ...detailTable(ctx, f, C.fundingPerMeasureCaption));
  out.push(heading(3, C.withoutFunding));
  if (facts.inUseWithoutFunding.length) out.push(paragraph(C.withoutFundingText, ' ', ...measureRefs(facts.inUseWithoutFunding, (m) => (m.status ? L.status[m.status] : L.value.notStated), '')));
  else out.push(paragraph(C.withoutFundingNone));
  return [...out, ...unusedProgrammes(ctx), ...deadlines(ctx)];
}

/** Appendix: the whole strategy's funding by programme and funding body. */
export function wholeFundingAppendix(ctx: SectionContext): RootContent[] {
  const { L } = ctx;
  return [heading(3, L.q4.byProgramme), ...byProgrammeTable(ctx), ...(ctx.facts.funding.providers.length ? [heading(3, L.q4.byProvider), ...byProviderTable(ctx)] : [])];
}
