/**
 * A finding in plain words for the body of the council report (issue 13): politicians read which
 * application is concerned and what is open, without rule ids, YAML keys, files or positions –
 * those stay in the administration's appendix. One text per kind of finding in the message
 * catalogue (`plain.<rule>.<message>` or `plain.<rule>`, strategy/messages/de.ts and en.ts); a
 * finding without one gets a general sentence that points to the appendix, never the rule's
 * technical message.
 */
import type { Finding } from '../types';
import { CATALOGUES, isMessageKey, message, type MessageKey } from '../messages/index';
import type { SectionContext } from './sections/context';
import { RULES_BY_ID } from '../rules/index';

/** Values of a finding a plain text may quote (the amount as written, what it is read as). */
const QUOTABLE = ['text', 'value', 'suggestion'] as const;

export function plainFinding(ctx: SectionContext, f: Finding): string {
  return plain(ctx, f).text;
}

/**
 * Rows of plain findings: the application (or "general information of the strategy" for a point
 * about the strategy as a whole, such as AI literacy) and the sentence – each row once, though a
 * rule reports a point of the strategy at every application it concerns.
 */
export function plainRows(ctx: SectionContext, findings: readonly Finding[]): string[][] {
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const f of findings) {
    const { text, subject } = plain(ctx, f);
    const row = [subject ?? ctx.L.council.dataCheckGeneral, text];
    const key = row.join('\n');
    if (!seen.has(key)) rows.push(row), seen.add(key);
  }
  return rows;
}

function plain(ctx: SectionContext, f: Finding): { text: string; subject?: string } {
  const m = f.measure ? ctx.facts.model.measureById.get(f.measure) : undefined;
  const title = m?.title ?? f.measure;
  const data: Record<string, string> = { appendix: ctx.L.council.appendixAdministration };
  for (const k of QUOTABLE) if (f.data && typeof f.data[k] === 'string') data[k] = f.data[k] as string;
  if (title) data.title = title;
  const candidates = [f.messageId ? `plain.${f.rule}.${f.messageId}` : undefined, `plain.${f.rule}`].filter((k): k is string => k !== undefined);
  const known = candidates.find((k): k is MessageKey => isMessageKey(k) && (title !== undefined || !CATALOGUES.de[k].includes('{title}')));
  // An error in the files' structure makes a value unreadable; anything else is a point still open.
  const unreadable = RULES_BY_ID.get(f.rule)?.category === 'structure';
  const fallback: MessageKey = unreadable ? (title ? 'plain.error' : 'plain.errorStrategy') : title ? 'plain.other' : 'plain.otherStrategy';
  const key = known ?? fallback;
  const text = message(ctx.lang, key, data);
  const subject = title !== undefined && CATALOGUES.de[key].includes('{title}') ? title : undefined;
  // An AI Act obligation that does not apply yet says from when (the rules' `from_en` data).
  const from = typeof f.data?.from_en === 'string' ? /(\d{4}-\d{2}-\d{2})/.exec(f.data.from_en)?.[1] : undefined;
  return { text: from ? `${text} ${message(ctx.lang, 'plain.appliesFrom', { date: ctx.fmt.date(from) })}` : text, subject };
}
