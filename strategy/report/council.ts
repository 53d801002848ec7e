/**
 * The council report: the administration's answer to an inquiry (a Mitteilungsvorlage). The
 * questions come from the inquiry file, verbatim and in its order; without one, the council's five
 * standard questions are answered.
 */
import type { Blockquote, RootContent } from 'mdast';
import type { Inquiry, InquiryQuestion, InquiryValueKey } from '../model/inquiry';
import { fill } from './labels';
import { heading, paragraph, strong, table, type Inline } from './mdast';
import { ANALYSES, defaultQuestions } from './analyses';
import type { SectionContext } from './sections/context';

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
  const questions: InquiryQuestion[] = inquiry?.questions.length ? inquiry.questions : defaultQuestions(L);
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
