/** „Änderungen seit der letzten Sitzung“: the comparison with an earlier state (strategy/diff), in the report's language. */
import type { RootContent } from 'mdast';
import { diffSection } from '../../diff/output';
import type { SectionContext } from './context';

export function changesSection(ctx: SectionContext): RootContent[] {
  if (!ctx.changes) return [];
  const programmes = ctx.facts.model.programmeById;
  return diffSection(ctx.changes, ctx.lang, 2, (id) => programmes.get(id)?.name ?? id);
}
