/** Assembles the four reports from their sections: title, as-of line, body, generated-by line. */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { fill } from './labels';
import { addMoney } from '../format';
import { heading, list, paragraph, root } from './mdast';
import type { ReportDocument, ReportKind, ReportOptions } from './types';
import type { SectionContext } from './sections/context';
import { sourceLine } from './source';
import { PARTNER_GROUPS } from './facts';
import { councilAnswers, councilClosing, councilHead, councilTitle, dataCheck } from './council';
import { byProgrammeTable, byProviderTable, byStatusTable, deadlines, detailTable, unusedProgrammes } from './sections/funding';
import { literacy, matrix, openFindings, otherFindings, waivers } from './sections/compliance';
import { inventoryTable } from './sections/inventory';
import { calendarSection } from './sections/calendar';
import { changesSection } from './sections/changes';
import { DIFF_WORDS } from '../diff/output';

function header(ctx: SectionContext, kind: ReportKind, opts: ReportOptions): RootContent[] {
  const { L, facts } = ctx;
  const s = facts.model.strategy;
  // The council report keeps technical details (commit, files) out of its head: they are in its appendix.
  if (kind === 'council') return [heading(1, councilTitle(ctx, opts.inquiry))];
  const title = fill(L.reportTitle[kind], { title: s.title ?? s.organisation ?? '' });
  return [heading(1, title), paragraph(...sourceLine(ctx, opts))];
}


function footer(ctx: SectionContext, opts: ReportOptions): RootContent[] {
  return [{ type: 'thematicBreak' }, paragraph(fill(ctx.L.meta.generatedBy, { generator: opts.generator ?? 'Digital Strategy Roadmap', asOf: ctx.fmt.date(ctx.facts.asOf) }))];
}

/** The AI applications by stage; completed, paused and cancelled ones are counted too, so the parts add up. */
function aiCount(ctx: SectionContext): string {
  const { L, fmt, facts } = ctx;
  const ended = facts.ai.length - facts.aiInUse.length - facts.aiPlanned.length;
  const counts = { total: fmt.count(facts.ai.length), inUse: fmt.count(facts.aiInUse.length), planned: fmt.count(facts.aiPlanned.length), ended: fmt.count(ended) };
  return fill(ended > 0 ? L.overview.aiInitiativesWithEnded : L.overview.aiInitiatives, counts);
}

function overview(ctx: SectionContext): RootContent[] {
  const { L, fmt, facts } = ctx;
  // The council asks about AI: every number here is about the AI applications and the governance of AI.
  const f = facts.aiFunding;
  const t = f.total;
  const planned = addMoney(t.planned.amount, t.candidate.amount);
  const partners = PARTNER_GROUPS.flatMap((g) => facts.aiPartners[g]);
  const measures = new Set(partners.flatMap((p) => p.measures));
  return [
    heading(2, L.overview.heading),
    list([
      [aiCount(ctx)],
      [fill(L.overview.governance, { governance: fmt.count(facts.governance.length) })],
      [fill(L.overview.partners, { partners: fmt.count(partners.length), measures: fmt.count(measures.size) })],
      [fill(L.overview.funding, { granted: fmt.money(t.granted.amount), applied: fmt.money(t.applied.amount), planned: fmt.money(planned), own: fmt.money(f.own?.sums.granted.amount ?? 0) })],
      [fill(L.overview.findings, { total: fmt.count(facts.complianceFindings.length) })],
      [fill(L.overview.waivers, { total: fmt.count(facts.waivers.length) })],
    ]),
  ];
}

const BODIES: Record<ReportKind, (ctx: SectionContext, opts: ReportOptions) => RootContent[]> = {
  council: (ctx, opts) => {
    // With --since and no question of the inquiry asking for it, the changes follow the answers.
    const asked = opts.inquiry?.questions.some((q) => q.analysis.includes('changes-since')) ?? false;
    return [
      ...councilHead(ctx, opts.inquiry),
      ...dataCheck(ctx),
      ...overview(ctx),
      ...councilAnswers(ctx, opts.inquiry),
      ...(ctx.changes && !asked ? [heading(2, DIFF_WORDS[ctx.lang].title), ...changesSection(ctx)] : []),
      ...councilClosing(ctx, opts),
    ];
  },
  inventory: (ctx) => [paragraph(ctx.L.inventory.intro), ...inventoryTable(ctx)],
  funding: (ctx) => {
    const { L } = ctx;
    return [
      paragraph(L.fundingReport.intro),
      heading(2, L.q4.byStatus),
      ...byStatusTable(ctx),
      heading(2, L.q4.byProgramme),
      ...byProgrammeTable(ctx),
      ...(ctx.facts.funding.providers.length ? [heading(2, L.q4.byProvider), ...byProviderTable(ctx)] : []),
      heading(2, L.q4.detail),
      ...detailTable(ctx),
      ...demote(unusedProgrammes(ctx)),
      ...demote(deadlines(ctx)),
      ...calendarSection(ctx, 2),
    ];
  },
  compliance: (ctx) => {
    const { L } = ctx;
    return [paragraph(L.complianceReport.intro), heading(2, L.q5.matrix), ...demote(matrix(ctx)), ...demote([...literacy(ctx), ...openFindings(ctx), ...otherFindings(ctx), ...waivers(ctx)])];
  },
};

/** Sections written for the council report sit one level deeper there than in a report of their own. */
function demote(nodes: RootContent[]): RootContent[] {
  return nodes.map((n) => (n.type === 'heading' && n.depth > 2 ? { ...n, depth: (n.depth - 1) as 2 | 3 } : n));
}

export function assemble(ctx: SectionContext, kind: ReportKind, opts: ReportOptions): ReportDocument {
  const tree = root([...header(ctx, kind, opts), ...BODIES[kind](ctx, opts), ...footer(ctx, opts)]);
  const title = toString(tree.children[0]);
  return { kind, lang: ctx.lang, title, tree, diagrams: ctx.diagrams, landscape: kind === 'inventory' };
}
