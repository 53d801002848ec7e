/**
 * The analyses an inquiry's questions are answered with (docs/format.md "Inquiries"). One entry
 * per analysis kind: a new analysis (e.g. "changes since", `report council --since REF`) is added
 * here and nowhere else.
 */
import type { RootContent } from 'mdast';
import type { AnalysisKind, InquiryQuestion } from '../model/inquiry';
import type { Labels } from './labels';
import { paragraph } from './mdast';
import type { SectionContext } from './sections/context';
import { applicationsSection } from './sections/applications';
import { cooperationsSection } from './sections/cooperations';
import { roadmapSection, strategySection } from './sections/strategy';
import { aiFundingAnswer } from './sections/funding';
import { complianceSection } from './sections/compliance';
import { inventoryAnswer } from './sections/inventory';
import { changesSection } from './sections/changes';

export const ANALYSES: Record<AnalysisKind, (ctx: SectionContext) => RootContent[]> = {
  'ai-applications': applicationsSection,
  cooperations: cooperationsSection,
  'strategic-anchoring': strategySection,
  funding: aiFundingAnswer,
  'ethics-law-privacy': complianceSection,
  roadmap: roadmapSection,
  inventory: inventoryAnswer,
  'changes-since': (ctx) => (ctx.changes ? changesSection(ctx) : [paragraph(ctx.L.council.changesSinceUnavailable)]),
};

/** The council's five questions, answered when no inquiry file is given. */
export function defaultQuestions(L: Labels): InquiryQuestion[] {
  return [
    { text: L.q1.question, analysis: ['ai-applications'] },
    { text: L.q2.question, analysis: ['cooperations'] },
    { text: L.q3.question, analysis: ['strategic-anchoring', 'roadmap'] },
    { text: L.q4.question, analysis: ['funding'] },
    { text: L.q5.question, analysis: ['ethics-law-privacy'] },
  ];
}
