import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang } from '../options';
import { emit, useColor } from '../io';
import { UsageError } from '../errors';
import { setCliLang } from '../lang';
import { printable } from '../format/stylish';
import { delayImpact, schedule, UnknownTargetError, type Schedule } from '../../strategy/schedule/schedule';
import { PLAN_LABELS, planDocument, planJson, planRows, targetLine } from '../../strategy/schedule/plan-output';
import { reportToMarkdown } from '../../strategy/report/markdown';
import type { Lang } from '../../strategy/index';

export interface PlanCommandOptions {
  root?: string;
  maxFileSize?: number;
  format?: string;
  target?: string;
  slip?: string;
  asOf?: string;
  lang?: string;
  output?: string;
}

const FORMATS = ['stylish', 'json', 'markdown'];

/** `--slip ID=DAYS`: a measure id and a whole number of days (negative: earlier). */
function parseSlip(v: string | undefined): { measure: string; days: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(.+)=(-?\d{1,5})$/.exec(v);
  if (!m) throw new UsageError('cli.option.slip', { value: v });
  return { measure: m[1], days: Number(m[2]) };
}

/** `strategy plan`: critical path, slack per measure and milestone, and what a slip moves. */
export async function runPlan(opts: PlanCommandOptions): Promise<number> {
  const format = opts.format ?? 'stylish';
  if (!FORMATS.includes(format)) throw new UsageError('cli.option.oneOf', { option: '--format', allowed: FORMATS.join(', '), value: format });
  const slip = parseSlip(opts.slip);
  const asOf = parseAsOf(opts.asOf);
  const langOption = parseLang(opts.lang);
  const root = resolveRoot(opts.root);
  const result = loadWorkspace(root, { maxFileBytes: opts.maxFileSize }).lint({ asOf, lang: langOption });
  const model = result.model;
  const lang = result.lang;
  setCliLang(lang);
  let plan: Schedule;
  try {
    plan = schedule(model, { target: opts.target });
  } catch (e) {
    if (e instanceof UnknownTargetError) throw new UsageError('cli.option.unknownTarget', { option: '--target', value: e.target });
    throw e;
  }
  if (slip && !model.measureById.has(slip.measure)) throw new UsageError('cli.option.slipUnknown', { value: slip.measure });
  const impact = slip ? { ...slip, moved: delayImpact(model, slip.measure, slip.days, { target: opts.target }) } : undefined;

  if (format === 'json') emit(JSON.stringify(planJson(plan, impact), null, 2) + '\n', opts.output);
  else if (format === 'markdown') emit(reportToMarkdown(planDocument(model, plan, lang, impact)), opts.output);
  else emit(stylish(plan, lang, impact, !opts.output && useColor(process.stdout)), opts.output);
  return 0;
}

function stylish(plan: Schedule, lang: Lang, impact: { measure: string; days: number; moved: ReturnType<typeof delayImpact> } | undefined, color: boolean): string {
  const L = PLAN_LABELS[lang];
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const red = (s: string) => (color ? `\u001b[31m${s}\u001b[39m` : s);
  const lines = [bold(L.title), targetLine(plan, lang), ''];
  lines.push(bold(L.path));
  if (plan.criticalPath.length) plan.criticalPath.forEach((n, i) => lines.push(`  ${i + 1}. ${printable(n.ref)}  ${n.end.earliest ?? L.notStated}  (${n.slack ?? L.notStated})`));
  else lines.push(`  ${L.noPath}`);
  if (impact) {
    lines.push('', bold(L.slipTitle(printable(impact.measure), impact.days)));
    if (!impact.moved.length) lines.push(`  ${L.slipNone}`);
    for (const m of impact.moved) lines.push(`  ${printable(m.ref).padEnd(32)} +${m.start} / +${m.end}  → ${m.newEnd ?? L.notStated}`);
  }
  lines.push('', bold(L.all));
  const rows = planRows(plan);
  const header = L.columns;
  const table = rows.map((r) => [
    printable(r.ref),
    [r.planned.start, r.planned.end].filter(Boolean).join(' – ') || L.notStated,
    r.blocked ? L.blocked : [r.earliest.start, r.earliest.end].filter((d, i, a) => d && a.indexOf(d) === i).join(' – ') || L.notStated,
    r.slack === undefined ? '' : String(r.slack),
    r.critical ? '*' : '',
  ]);
  const cols = [header[0], header[1], header[2], header[4], header[5]];
  const width = cols.map((c, i) => Math.max(c.length, ...table.map((r) => r[i].length)));
  lines.push('  ' + cols.map((c, i) => c.padEnd(width[i])).join('  '));
  for (const r of table) {
    const line = '  ' + r.map((c, i) => (i === 3 ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ');
    lines.push(r[3].startsWith('-') ? red(line) : line);
  }
  const negative = rows.filter((r) => r.slack !== undefined && r.slack < 0).length;
  if (negative) lines.push('', red(L.negative(negative)));
  return lines.join('\n').replace(/ +$/gm, '') + '\n';
}
