/** Question 5 and the compliance report: the review matrix per AI initiative, legal references, open findings, waivers. */
import type { RootContent } from 'mdast';
import type { Measure } from '../../model/types';
import type { Finding } from '../../types';
import { fill } from '../labels';
import { LEGAL_BASIS, LITERACY_ARTICLE, MATRIX_COLUMNS, REGULATIONS, aiActVersionStatement, type MatrixColumn } from '../legal';
import { code, heading, paragraph, strong, table, type Inline } from '../mdast';
import { assessmentsText, lifecycleText } from './inventory';
import { governanceTable } from './strategy';
import { measureRef, orDash, type SectionContext } from './context';
import { plainRows } from '../plain';

/** Annex III point 2 (critical infrastructure): no FRIA (Art. 27(1)), national registration (Art. 49(5)). */
function isCriticalInfrastructure(m: Measure): boolean {
  return /^2(\(|$)/.test(m.ai?.annex_iii ?? '');
}

function matrixCells(ctx: SectionContext, m: Measure): Record<MatrixColumn, string> {
  const { L, fmt } = ctx;
  const v = L.value;
  const ai = m.ai ?? {};
  const p = m.privacy;
  const high = ai.risk === 'high';
  // A cancelled application is not operated: its high-risk obligations do not "miss", they do not apply.
  const owed = m.status === 'cancelled' ? v.notApplicableCancelled : v.missing;
  const withDate = (label: string, ...extra: Array<string | undefined>) => {
    const more = extra.filter((e): e is string => Boolean(e && e.trim()));
    return more.length ? `${label} (${more.join(', ')})` : label;
  };

  let risk: string = ai.risk ? L.risk[ai.risk] : v.notStated;
  const riskExtra: string[] = [];
  if (ai.annex_iii) riskExtra.push(fill(v.annexIii, { point: ai.annex_iii }));
  if (ai.exemption !== undefined) riskExtra.push(v.exemption);
  if (riskExtra.length) risk = `${risk} (${riskExtra.join('; ')})`;

  const dpia = p?.dpia ? withDate(L.assessment[p.dpia], fmt.date(p.dpia_date)) : p?.personal_data === false ? v.noPersonalData : v.notStated;
  // Nothing recorded is "not stated": the files cannot tell that the officer was not consulted.
  const dpo = p?.dpo_consulted ? withDate(v.yes, fmt.date(p.dpo_consulted)) : p?.personal_data === false || p?.dpia === 'not-required' ? v.notApplicable : v.notStated;
  const fria = ai.fria ? L.assessment[ai.fria] : high && !isCriticalInfrastructure(m) ? owed : v.notApplicable;
  const registration = ai.eu_registration ? L.registration[ai.eu_registration] : high ? (isCriticalInfrastructure(m) ? v.nationalRegistration : owed) : v.notApplicable;
  const transparency = ai.transparency_notice === true ? v.yes : ai.transparency_notice === false ? v.no : v.notStated;
  const oversight = ai.human_oversight?.trim() ? v.described : high ? owed : v.notStated;
  const e = m.ethics;
  const ethics = e?.review ? withDate(L.ethicsReview[e.review], fmt.date(e.date), e.body) : v.notStated;
  return { risk, dpia, dpo, fria, registration, transparency, oversight, ethics };
}

export function matrix(ctx: SectionContext): RootContent[] {
  const { L, facts, lang } = ctx;
  if (!facts.ai.length) return [paragraph(L.q5.matrixNone)];
  // Two tables of at most six columns (AI Act; data protection and ethics): nine columns do not fit a page.
  const part = (caption: string, columns: MatrixColumn[]) =>
    table({
      caption,
      columns: [{ label: L.col.aiInitiative }, ...columns.map((c) => ({ label: L.col[c] }))],
      rows: facts.ai.map((m) => {
        const cells = matrixCells(ctx, m);
        return [measureRef(m), ...columns.map((c) => cells[c])];
      }),
      rowHeaders: true,
    });
  const out: RootContent[] = [
    paragraph(strong(L.council.matrixAiAct)),
    part(L.council.matrixAiActCaption, AI_ACT_COLUMNS),
    paragraph(strong(L.council.matrixPrivacy)),
    part(L.council.matrixPrivacyCaption, PRIVACY_COLUMNS),
    heading(4, L.q5.legend),
    paragraph(REGULATIONS.map((r) => r[lang]).join('; ') + '.'),
    paragraph(aiActVersionStatement(facts.asOf, facts.model.strategy.aiActVersion, lang)),
    table({
      caption: L.q5.legendCaption,
      columns: [{ label: L.col.column }, { label: L.col.meaning }, { label: L.col.law }],
      rows: MATRIX_COLUMNS.map((c) => [L.col[c], L.legend[c], LEGAL_BASIS[c][lang]]),
      rowHeaders: true,
    }),
  ];
  // What a public register publishes about each initiative (issue 14): "nicht angegeben" where unrecorded.
  out.push(
    heading(4, L.col.registerInfo),
    table({
      caption: L.col.registerInfo,
      columns: [{ label: L.col.aiInitiative }, { label: L.col.shortDescription }, { label: L.col.lifecycle }, { label: L.col.assessments }],
      rows: facts.ai.map((m) => [measureRef(m), m.description?.trim() || L.value.notStated, lifecycleText(ctx, m), assessmentsText(ctx, m)]),
      rowHeaders: true,
    }),
  );
  const described = facts.ai.filter((m) => m.ai?.human_oversight?.trim());
  if (described.length)
    out.push(
      heading(4, L.q5.oversight),
      table({
        caption: L.q5.oversightCaption,
        columns: [{ label: L.col.aiInitiative }, { label: L.col.description }],
        rows: described.map((m) => [measureRef(m), m.ai!.human_oversight!]),
        rowHeaders: true,
      }),
    );
  return out;
}

export function literacy(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt, lang } = ctx;
  const lit = facts.model.strategy.aiLiteracy;
  const out: RootContent[] = [heading(3, `${L.q5.literacy} (${LITERACY_ARTICLE[lang]})`)];
  if (!lit || !(lit.description || lit.since || lit.measure)) return [...out, paragraph(fill(L.q5.literacyNone, { article: LITERACY_ARTICLE[lang] }))];
  const parts: Inline[] = [];
  if (lit.description) parts.push(lit.description.trim());
  if (lit.since) parts.push(' ', fill(L.q5.literacySince, { date: fmt.date(lit.since) }));
  if (lit.measure) {
    const m = facts.model.measureById.get(lit.measure.id);
    const [before, after] = L.q5.literacyMeasure.split('{measure}');
    parts.push(' ', before, ...(m ? measureRef(m) : [code(lit.measure.id)]), after);
  }
  return [...out, paragraph(...parts)];
}

export function findingsTable(ctx: SectionContext, findings: Finding[], caption: string): RootContent[] {
  const { L, facts, lang } = ctx;
  return [
    table({
      caption,
      columns: [{ label: L.col.severity }, { label: L.col.measure }, { label: L.col.rule }, { label: L.col.message }, { label: L.col.location }],
      rows: findings.map((f) => {
        const m = f.measure ? facts.model.measureById.get(f.measure) : undefined;
        return [L.severity[f.severity], m ? measureRef(m) : f.measure ? code(f.measure) : L.value.none, code(f.rule), f.message[lang], code(`${f.file}:${f.range.start.line}`)];
      }),
    }),
  ];
}

export function openFindings(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  const out: RootContent[] = [heading(3, L.q5.findings), paragraph(L.q5.findingsIntro)];
  if (!facts.complianceFindings.length) return [...out, paragraph(L.q5.findingsNone)];
  return [...out, ...findingsTable(ctx, facts.complianceFindings, L.q5.findingsCaption)];
}

export function otherFindings(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  const out: RootContent[] = [heading(3, L.q5.otherFindings)];
  if (!facts.otherFindings.length) return [...out, paragraph(L.q5.otherFindingsNone)];
  return [...out, ...findingsTable(ctx, facts.otherFindings, L.q5.otherFindingsCaption)];
}

export function waivers(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const out: RootContent[] = [heading(3, L.q5.waivers), paragraph(L.q5.waiversIntro)];
  if (!facts.waivers.length) return [...out, paragraph(L.q5.waiversNone)];
  const state = { active: L.value.waiverActive, expired: L.value.waiverExpired, unused: L.value.waiverUnused };
  return [
    ...out,
    table({
      caption: L.q5.waiversCaption,
      columns: [{ label: L.col.measure }, { label: L.col.rule }, { label: L.col.reason }, { label: L.col.until }, { label: L.col.by }, { label: L.col.state }],
      rows: facts.waivers.map(({ measure, waiver, state: s }) => [
        measureRef(measure),
        code(waiver.rule),
        orDash(ctx, waiver.reason),
        waiver.until ? fmt.date(waiver.until) : L.value.unlimited,
        orDash(ctx, waiver.by),
        state[s],
      ]),
    }),
  ];
}

const AI_ACT_COLUMNS: MatrixColumn[] = ['risk', 'fria', 'registration', 'transparency', 'oversight'];
const PRIVACY_COLUMNS: MatrixColumn[] = ['dpia', 'dpo', 'ethics'];

/** The open points in plain words: which AI application, what is open (rule ids and files are in the appendix). */
function openPoints(ctx: SectionContext): RootContent[] {
  const { L, facts } = ctx;
  const C = L.council;
  const out: RootContent[] = [heading(3, C.openPoints)];
  if (!facts.complianceFindings.length) return [...out, paragraph(C.openPointsNone)];
  return [
    ...out,
    paragraph(C.openPointsIntro),
    table({
      caption: C.openPointsCaption,
      columns: [{ label: L.col.aiInitiative }, { label: C.openPoint }],
      rows: plainRows(ctx, facts.complianceFindings),
      rowHeaders: true,
    }),
  ];
}

/** The council's answer on ethics, law and data protection. */
export function complianceSection(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const C = L.council;
  const out = [heading(3, L.q5.matrix), ...matrix(ctx), ...literacy(ctx), ...governanceTable(ctx), ...openPoints(ctx)];
  if (facts.waivers.length) out.push(paragraph(fill(facts.waivers.length === 1 ? C.waiversNoteOne : C.waiversNote, { n: fmt.count(facts.waivers.length), appendix: C.appendixAdministration })));
  return out;
}

/** The compliance report (for the administration): matrix, literacy, findings with rules and places, waivers. */
export function complianceDetails(ctx: SectionContext): RootContent[] {
  return [...openFindings(ctx), ...waivers(ctx)];
}
