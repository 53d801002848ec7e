/**
 * `report council --inquiry FILE`: the inquiry the report answers. A file inside the repository's
 * `inquiries/` folder is the one lint checks (same parse, same findings); any other path is read
 * and checked the same way. A broken inquiry stops the report: its questions are quoted verbatim,
 * and a half-read file would misquote them.
 */
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseFile } from '../../strategy/parse/file';
import { checkedInquiry } from '../../strategy/report/inquiry-files';
import type { Inquiry } from '../../strategy/model/inquiry';
import type { StrategyWorkspace } from '../../strategy/workspace';
import type { Lang } from '../../strategy/types';
import { readLimited } from '../load';
import { UsageError } from '../errors';

export class InquiryError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const DEFAULT_MAX = 2 * 1024 * 1024;

export function loadInquiry(ws: StrategyWorkspace, root: string, file: string, lang: Lang, maxFileBytes = DEFAULT_MAX): Inquiry {
  const full = resolve(file);
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    throw new UsageError('report.inquiryNotFound', { file });
  }
  const realRoot = realpathSync(root);
  const inside = real.startsWith(realRoot + sep);
  const rel = inside ? relative(realRoot, real).split(sep).join('/') : undefined;
  const shown = rel ?? file;
  const parsed = rel && ws.kindOf(rel) === 'inquiry' && ws.has(rel) ? ws.parse(rel) : parseFile(shown, 'inquiry', readLimited(real, maxFileBytes), { maxFileBytes });
  const read = checkedInquiry(parsed, shown, lang);
  if (read.problems) throw new InquiryError(read.problems);
  return read.inquiry;
}
