/** The line that says where a report's data come from: as-of date, organisation, source revision. */
import { strong, code, type Inline } from './mdast';
import type { ReportOptions } from './types';
import type { SectionContext } from './sections/context';

/** As-of date, organisation and source revision. */
export function sourceLine(ctx: SectionContext, opts: ReportOptions): Inline[] {
  const { L, fmt, facts } = ctx;
  const s = facts.model.strategy;
  const meta: Inline[] = [strong(`${L.meta.asOf}:`), ` ${fmt.date(facts.asOf)}`];
  if (s.organisation) meta.push(' · ', strong(`${L.meta.organisation}:`), ` ${s.organisation}`);
  meta.push(' · ', strong(`${L.meta.source}:`), ' ');
  if (opts.commit) {
    const [before, after] = L.meta.commit.split('{commit}');
    meta.push(before, code(opts.commit.slice(0, 12)), after, opts.dirty ? L.meta.dirty : '');
  } else meta.push(L.meta.noCommit);
  return meta;
}
