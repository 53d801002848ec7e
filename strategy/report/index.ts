/**
 * Reports for the council and the administration, built as mdast trees from a lint result.
 * Pure: the front ends pass the data (lint result, commit) in and serialise the tree themselves
 * (Markdown here; HTML, PDF and DOCX in the CLI). Load this module lazily: it pulls in the
 * Markdown serialiser.
 */
import type { LintResult } from '../workspace';
import { computeFacts } from './facts';
import { makeFormatter } from '../format';
import { makeContext } from './sections/context';
import { assemble } from './document';
import { aiRoadmap } from './roadmap';
import type { ReportDocument, ReportKind, ReportOptions } from './types';

export { REPORT_KINDS, type ReportKind, type ReportOptions, type ReportDocument, type ReportDiagram, type DiagramDocument, type DiagramRef } from './types';
export { diagramsInOrder, diagramLookup, withTextAlternatives } from './diagrams';
export { reportToMarkdown } from './markdown';
export { computeFacts, isComplianceRule, type Facts } from './facts';
export { makeFormatter, type Formatter } from '../format';
export { mentionsAi } from './ai-related';

export function buildReport(result: LintResult, kind: ReportKind, opts: ReportOptions = {}): ReportDocument {
  const lang = opts.lang ?? result.lang;
  const facts = computeFacts(result, lang);
  const roadmap = kind === 'council' ? aiRoadmap(result, lang) : [];
  return assemble({ ...makeContext(facts, lang, makeFormatter(lang), roadmap), changes: opts.changes }, kind, opts);
}
