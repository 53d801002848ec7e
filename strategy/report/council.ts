/**
 * The council report: the administration's answer to an inquiry (a Mitteilungsvorlage). The
 * questions come from the inquiry file, verbatim and in its order; without one, the council's five
 * standard questions are answered.
 */
import type { Blockquote, ListItem, PhrasingContent, RootContent, TableCell, TableRow } from 'mdast';
import type { Inquiry, InquiryQuestion, InquiryValueKey } from '../model/inquiry';
import type { Lang } from '../types';
import { fill } from './labels';
import { heading, list, paragraph, strong, table, type Inline } from './mdast';
import { ANALYSES, defaultQuestions } from './analyses';
import type { SectionContext } from './sections/context';
import type { ReportOptions } from './types';
import { sourceLine } from './source';
import { plainRows } from './plain';
import { wholeFundingAppendix } from './sections/funding';
import { otherCooperationsAppendix } from './sections/cooperations';
import { registerProfiles } from './sections/inventory';
import { openFindings, otherFindings, waivers } from './sections/compliance';

function quote(text: string): Blockquote {
  // Each line of the question stays a line: the question is quoted as asked.
  return { type: 'blockquote', children: [paragraph(text)] };
}

/** A value from the inquiry, marked when the inquiry says it is illustrative (example data). */
function value(ctx: SectionContext, inquiry: Inquiry | undefined, key: InquiryValueKey, v: string): string {
  return inquiry?.illustrative.includes(key) ? fill(ctx.L.council.illustrative, { value: v }) : v;
}

export function councilTitle(ctx: SectionContext, inquiry: Inquiry | undefined): string {
  const s = ctx.facts.model.strategy;
  if (inquiry?.title) return fill(ctx.L.council.title, { subject: value(ctx, inquiry, 'title', inquiry.title) });
  return fill(ctx.L.reportTitle.council, { title: s.title ?? s.organisation ?? '' });
}

/** Form, notice and the table of the report's particulars (only values the files record). */
export function councilHead(ctx: SectionContext, inquiry: Inquiry | undefined): RootContent[] {
  const { L, fmt } = ctx;
  const C = L.council;
  const out: RootContent[] = [paragraph(strong(C.form))];
  if (inquiry?.notice) out.push(paragraph(strong(`${C.notice}:`), ' ', inquiry.notice));
  const rows: Inline[][] = [];
  const v = (key: InquiryValueKey, text: string) => value(ctx, inquiry, key, text);
  if (inquiry) {
    rows.push([C.reference, inquiry.reference ? v('reference', inquiry.reference) : L.value.notStated]);
    rows.push([C.subject, councilTitle(ctx, inquiry)]);
    if (inquiry.body) rows.push([C.consultation, inquiry.meeting ? fill(C.consultationValue, { body: v('body', inquiry.body), date: v('meeting', fmt.date(inquiry.meeting)) }) : fill(C.consultationNoDate, { body: v('body', inquiry.body) })]);
    else rows.push([C.consultation, L.value.notStated]);
    rows.push([C.department, inquiry.department ? v('department', inquiry.department) : L.value.notStated]);
    rows.push([C.inquiry, inquiry.asked_by ? v('asked_by', inquiry.asked_by) : L.value.notStated]);
    rows.push([C.inquiryDate, inquiry.date ? v('date', fmt.date(inquiry.date)) : L.value.notStated]);
    rows.push([C.answered, inquiry.answered ? v('answered', fmt.date(inquiry.answered)) : L.value.notStated]);
  }
  rows.push([C.dataAsOf, fmt.date(ctx.facts.asOf)]);
  out.push(table({ caption: C.metaCaption, columns: [{ label: C.item }, { label: C.content }], rows, rowHeaders: true }));
  if (!inquiry) out.push(paragraph(L.councilIntro));
  return out;
}

/** "Sachverhalt": what was asked, then each question verbatim with its answer. */
export function councilAnswers(ctx: SectionContext, inquiry: Inquiry | undefined): RootContent[] {
  const { L, fmt, facts } = ctx;
  const C = L.council;
  const out: RootContent[] = [];
  const questions = questionsOf(ctx, inquiry);
  if (inquiry?.asked_by) {
    const data = { askedBy: inquiry.asked_by, date: inquiry.date ? value(ctx, inquiry, 'date', fmt.date(inquiry.date)) : '', strategy: facts.model.strategy.title ?? '', asOf: fmt.date(facts.asOf) };
    out.push(heading(2, C.facts), paragraph(fill(inquiry.date ? C.factsIntro : C.factsIntroNoDate, data)));
    if (inquiry.intro) out.push(quote(inquiry.intro));
  }
  questions.forEach((q, i) => {
    // The first analysis names the question; further ones (say, the roadmap) follow under their own headings.
    const topic = q.analysis.length ? C.analysis[q.analysis[0]] : C.noTopic;
    out.push(heading(2, fill(C.questionHeading, { n: i + 1, topic })), quote(q.text));
    if (!q.analysis.length) out.push(paragraph(C.noAnalysis));
    for (const a of q.analysis) out.push(...ANALYSES[a](ctx));
  });
  return out;
}

/** Errors in the data, visible before the answers: which measure, which value is unreliable. */
export function dataCheck(ctx: SectionContext): RootContent[] {
  const { L, facts, fmt } = ctx;
  const C = L.council;
  const errors = [...facts.complianceFindings, ...facts.otherFindings].filter((f) => f.severity === 'error');
  if (!errors.length) return [];
  const rows = plainRows(ctx, errors);
  return [
    heading(2, C.dataCheck),
    paragraph(rows.length === 1 ? C.dataCheckIntroOne : fill(C.dataCheckIntro, { n: fmt.count(rows.length) })),
    table({
      caption: C.dataCheckCaption,
      columns: [{ label: L.col.measure }, { label: L.col.message }],
      rows,
      rowHeaders: true,
    }),
  ];
}

interface Appendix {
  title: string;
  body: (ctx: SectionContext, opts: ReportOptions) => RootContent[];
}

/** Abbreviations the document may use, listed when they occur in it. */
const ABBREVIATIONS: Record<Lang, Array<[string, string]>> = {
  de: [
    ['Abs.', 'Absatz'],
    ['Art.', 'Artikel'],
    ['DSB', 'Datenschutzbeauftragte oder Datenschutzbeauftragter'],
    ['DSFA', 'Datenschutz-Folgenabschätzung (Art. 35 DSGVO)'],
    ['DSGVO', 'Datenschutz-Grundverordnung, Verordnung (EU) 2016/679'],
    ['EU', 'Europäische Union'],
    ['FA', 'Folgenabschätzung'],
    ['FB', 'Fachbereich'],
    ['KI', 'Künstliche Intelligenz'],
    ['KI-VO', 'KI-Verordnung, Verordnung (EU) 2024/1689'],
    ['Nr.', 'Nummer'],
    ['NRW', 'Nordrhein-Westfalen'],
    ['VVT', 'Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)'],
  ],
  en: [
    ['AI', 'artificial intelligence'],
    ['AI Act', 'Regulation (EU) 2024/1689'],
    ['Art.', 'Article'],
    ['DPIA', 'data protection impact assessment (Art. 35 GDPR)'],
    ['DPO', 'data protection officer'],
    ['EU', 'European Union'],
    ['FRIA', 'fundamental rights impact assessment (Art. 27 AI Act)'],
    ['GDPR', 'General Data Protection Regulation, Regulation (EU) 2016/679'],
    ['NRW', 'North Rhine-Westphalia'],
    ['RoPA', 'record of processing activities (Art. 30 GDPR)'],
  ],
};

/** The text of a node with its parts apart (table cells joined by toString would run into each other). */
function words(node: RootContent | PhrasingContent | TableCell | TableRow | ListItem): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Array<RootContent | PhrasingContent | TableCell | TableRow | ListItem>).map(words).join(' ');
  return '';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function abbreviationsTable(ctx: SectionContext, text: string): RootContent[] {
  const C = ctx.L.council;
  const used = ABBREVIATIONS[ctx.lang].filter(([abbr]) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(abbr)}(?![\\p{L}\\p{N}])`, 'u').test(text));
  if (!used.length) return [];
  return [table({ caption: C.abbreviationsCaption, columns: [{ label: C.abbreviation }, { label: C.meaning }], rows: used, rowHeaders: true })];
}

/** Signature lines as written (line breaks kept). */
function signature(ctx: SectionContext, inquiry: Inquiry | undefined): RootContent[] {
  const C = ctx.L.council;
  if (!inquiry?.signed_by) return [paragraph(C.signatureNone)];
  const lines = value(ctx, inquiry, 'signed_by', inquiry.signed_by).split('\n');
  const children: Inline[] = [];
  lines.forEach((line, i) => {
    if (i) children.push({ type: 'break' });
    children.push(line);
  });
  return [paragraph(...children)];
}

/** Financial implications, the list of appendices, the signature and the appendices themselves. */
/** The questions the document answers: the inquiry's, else the council's five. */
function questionsOf(ctx: SectionContext, inquiry: Inquiry | undefined): InquiryQuestion[] {
  return inquiry?.questions.length ? inquiry.questions : defaultQuestions(ctx.L);
}

export function councilClosing(ctx: SectionContext, opts: ReportOptions): RootContent[] {
  const { L } = ctx;
  const C = L.council;
  const inquiry = opts.inquiry;
  const appendices: Appendix[] = [
    { title: C.appendixFunding, body: wholeFundingAppendix },
    { title: C.appendixCooperations, body: otherCooperationsAppendix },
    // Only when a question asked for the register: its answer points here for the details.
    ...(questionsOf(ctx, inquiry).some((q) => q.analysis.includes('inventory')) ? [{ title: C.appendixRegister, body: registerProfiles }] : []),
    {
      title: C.appendixAdministration,
      body: (c, o) => [paragraph(C.appendixAdministrationIntro), paragraph(strong(`${C.source}:`), ' ', ...sourceLine(c, o)), ...openFindings(c), ...otherFindings(c), ...waivers(c)],
    },
  ];
  const answersFunding = questionsOf(ctx, inquiry).some((q) => q.analysis.includes('funding'));
  const out: RootContent[] = [
    heading(2, C.financial),
    paragraph(fill(answersFunding ? C.financialText : C.financialTextNoAnswer, { appendix: C.appendixFunding })),
    heading(2, C.attachments),
  ];
  const titles = [...appendices.map((a) => a.title), C.abbreviations];
  out.push(list(titles.map((t, i) => [fill(C.attachment, { n: i + 1, title: t })])));
  out.push(heading(3, C.signature), ...signature(ctx, inquiry));
  appendices.forEach((a, i) => out.push(heading(2, fill(C.attachment, { n: i + 1, title: a.title })), ...a.body(ctx, opts)));
  // The abbreviations of everything above (and of the head, which the caller puts first).
  const text = [...out, ...councilHead(ctx, inquiry), ...councilAnswers(ctx, inquiry)].map(words).join('\n');
  out.push(heading(2, fill(C.attachment, { n: appendices.length + 1, title: C.abbreviations })), ...abbreviationsTable(ctx, text));
  return out;
}
