import { extname } from 'node:path';
import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang } from '../options';
import { emit } from '../io';
import { UsageError } from '../errors';
import { setCliLang } from '../lang';
import { calendarIcs } from '../../strategy/calendar/calendar';
import { parseDateSpan } from '../../strategy/index';

export interface CalendarCommandOptions {
  root?: string;
  maxFileSize?: number;
  output?: string;
  lang?: string;
  asOf?: string;
  from?: string;
  alarms?: string;
}

/** `--alarms 60,30` (days before; empty for none). */
function parseAlarms(v: string | undefined): number[] | undefined {
  if (v === undefined) return undefined;
  if (v.trim() === '') return [];
  const days = v.split(',').map((s) => s.trim());
  if (!days.every((d) => /^\d{1,4}$/.test(d))) throw new UsageError('cli.option.alarms', { value: v });
  return [...new Set(days.map(Number))].sort((a, b) => b - a);
}

/** `strategy calendar`: deadlines, milestones and funding dates as an iCalendar file (RFC 5545). */
export async function runCalendar(opts: CalendarCommandOptions): Promise<number> {
  if (opts.output && extname(opts.output).toLowerCase() !== '.ics') throw new UsageError('cli.option.outputExtension', { allowed: '.ics', value: opts.output });
  const alarms = parseAlarms(opts.alarms);
  const asOf = parseAsOf(opts.asOf);
  const from = opts.from === undefined ? undefined : parseDateSpan(opts.from)?.first;
  if (opts.from !== undefined && !from) throw new UsageError('cli.date.notADate', { option: '--from', value: opts.from });
  const root = resolveRoot(opts.root);
  const result = loadWorkspace(root, { maxFileBytes: opts.maxFileSize }).lint({ asOf, lang: parseLang(opts.lang) });
  setCliLang(result.lang);
  emit(calendarIcs(result.model, { lang: result.lang, asOf, from, alarms }), opts.output);
  return 0;
}
