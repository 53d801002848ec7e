/**
 * Which inquiries a repository holds and how one is read for the council report – one way for
 * `strategy report council --inquiry FILE` and the editor's Generate Council Report
 * (docs/council-report.md, "In VS Code"). A broken inquiry gives its problems, one line each with
 * file and position, never a half-read inquiry: the report quotes its questions verbatim.
 */
import type { Inquiry } from '../model/inquiry';
import type { ParsedFile } from '../parse/file';
import type { Lang } from '../types';
import type { StrategyWorkspace } from '../workspace';
import { message } from '../messages/index';

export type InquiryRead = { inquiry: Inquiry; problems?: undefined } | { inquiry?: undefined; problems: string[] };

/** The repository's inquiry files (`inquiries/*.yaml`), sorted by path – by date when named as recommended. */
export function inquiryPaths(ws: StrategyWorkspace): string[] {
  return ws
    .paths()
    .filter((p) => ws.kindOf(p) === 'inquiry')
    .sort();
}

/** The inquiry of a parsed file, or its problems in `lang`; `shown` names the file in a message. */
export function checkedInquiry(parsed: Pick<ParsedFile, 'reports' | 'inquiry'> | undefined, shown: string, lang: Lang): InquiryRead {
  const problems = parsed?.reports ?? [];
  if (!problems.length && parsed?.inquiry) return { inquiry: parsed.inquiry };
  const lines = problems.map((p) => `${p.file}:${p.range.start.line}:${p.range.start.column}: ${p.message[lang]}`);
  return { problems: lines.length ? lines : [message(lang, 'report.inquiryEmpty', { file: shown })] };
}

/** The inquiry at `path` of the workspace (as lint read it), or its problems. */
export function readInquiry(ws: StrategyWorkspace, path: string, lang: Lang): InquiryRead {
  return checkedInquiry(ws.kindOf(path) === 'inquiry' && ws.has(path) ? ws.parse(path) : undefined, path, lang);
}
