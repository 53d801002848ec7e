/**
 * A council inquiry (`inquiries/*.yaml`, docs/format.md "Inquiries"): who asked, for which body
 * and meeting, and each question verbatim with the analyses that answer it. The council report
 * answers the questions in this order.
 */
import type { YamlSource } from '../parse/yaml';
import { arr, dateStr, isRecord, oneOf, text, visibleText } from './coerce';
import type { Origin } from './types';

/** The analyses a question can be answered with; the inquiry schema reads this list (strategy/schema/enums.ts → scripts/gen-schemas.mjs). */
export const ANALYSIS_KINDS = ['ai-applications', 'cooperations', 'strategic-anchoring', 'funding', 'ethics-law-privacy', 'roadmap', 'inventory', 'changes-since'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/** Keys whose values an example may mark as illustrative (not the real value). */
export const INQUIRY_VALUE_KEYS = ['title', 'asked_by', 'date', 'body', 'meeting', 'reference', 'department', 'answered', 'signed_by'] as const;
export type InquiryValueKey = (typeof INQUIRY_VALUE_KEYS)[number];

export interface InquiryQuestion {
  /** The question as asked, verbatim. */
  text: string;
  analysis: AnalysisKind[];
}

export interface Inquiry {
  /** Subject of the inquiry (Betreff). */
  title?: string;
  /** Who asked (a group, a council member). */
  asked_by?: string;
  /** Date of the inquiry. */
  date?: string;
  /** The body the answer goes to (committee or council). */
  body?: string;
  /** Date of the meeting. */
  meeting?: string;
  /** Drucksache number of the answer. */
  reference?: string;
  /** Lead department (federführender Fachbereich). */
  department?: string;
  /** Date of the answer. */
  answered?: string;
  /** Signature block, e.g. "In Vertretung\nName, Beigeordnete". */
  signed_by?: string;
  /** The inquiry's sentence before the questions, verbatim. */
  intro?: string;
  questions: InquiryQuestion[];
  illustrative: InquiryValueKey[];
  /** A notice printed on the document (e.g. that the data are fictitious). */
  notice?: string;
  /** The state "changes-since" compares with (tag, commit or date); `--since` overrides it. */
  since?: string;
  origin: Origin;
}

export function readInquiry(data: Record<string, unknown>, file: string, source: YamlSource): Inquiry {
  const questions: InquiryQuestion[] = [];
  for (const q of arr(data.questions)) {
    if (!isRecord(q) || !text(q.text)?.trim()) continue;
    const kinds = (Array.isArray(q.analysis) ? q.analysis : [q.analysis]).map((a) => oneOf(a, ANALYSIS_KINDS)).filter((a): a is AnalysisKind => Boolean(a));
    questions.push({ text: text(q.text)!.trim(), analysis: [...new Set(kinds)] });
  }
  const illustrative = arr(data.illustrative)
    .map((k) => oneOf(k, INQUIRY_VALUE_KEYS))
    .filter((k): k is InquiryValueKey => Boolean(k));
  return {
    title: visibleText(data.title),
    asked_by: text(data.asked_by),
    date: dateStr(data.date),
    body: text(data.body),
    meeting: dateStr(data.meeting),
    reference: text(data.reference) ?? (typeof data.reference === 'number' ? String(data.reference) : undefined),
    department: text(data.department),
    answered: dateStr(data.answered),
    signed_by: text(data.signed_by),
    intro: text(data.intro),
    questions,
    illustrative,
    notice: text(data.notice),
    since: text(data.since) ?? dateStr(data.since),
    origin: { file, source, node: source.root },
  };
}
