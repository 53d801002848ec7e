import type { Localized, Path, Range, RelatedLocation, Severity } from '../types';
import type { Catalogues, Measure, Model } from '../model/types';
import type { Day } from '../dates';
import type { AiActVersion } from '../data/ai-act';
import type { Fix } from '../fix';
import { formatMessage, type MessageData } from '../messages/fill';

export type RuleCategory = 'structure' | 'planning' | 'funding' | 'privacy' | 'ai-act' | 'register' | 'waivers';

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line: what the rule flags. */
  description: Localized;
  /** Message templates; `{name}` placeholders are filled from a report's data. */
  messages: Record<string, Localized>;
}

/** Where a finding points: a path in a measure (default) or an explicit file range. */
export interface ReportInput {
  message: string;
  data?: MessageData;
  /** Path inside the measure's mapping; `[]` is the measure itself (its `id` value is used). */
  at?: Path;
  target?: 'key' | 'value';
  /** Overrides the measure's location, e.g. for findings in strategy.yaml. */
  file?: string;
  range?: Range;
  measure?: Measure;
  related?: RelatedLocation[];
  /**
   * The default severity for this case, where the SPEC gives a rule two defaults (e.g. planned
   * → warning, pilot/active → error; before/after an AI Act date). Configuration still decides:
   * a severity set in strategy.yaml, on the command line or in the editor replaces it.
   */
  level?: Severity;
  /**
   * A fix that writes `replacement` in place of the reported key or value (its range), with a
   * default title „Durch „…“ ersetzen“ / "Change to "…"" unless `title` is given. See strategy/fix.ts.
   */
  fix?: { replacement: string; safe: boolean; title?: Localized };
  /** Fully formed fixes (several edits, other ranges); added after `fix`. */
  fixes?: Fix[];
}

export interface LintSettings {
  asOf: Day;
  deadlineDays: number;
  /** The version of the AI Act that applies: pinned in strategy.yaml, else the one in force on `asOf`. */
  aiAct: AiActVersion;
}

export type { Catalogues };

export interface MeasureContext {
  measure: Measure;
  /** Catalogues and strategy config only (the type has no measures). */
  model: Catalogues;
  settings: LintSettings;
  report(r: ReportInput): void;
}

export interface RepositoryContext {
  model: Model;
  settings: LintSettings;
  report(r: ReportInput): void;
  /** See `eachMeasure`; offered by the workspace, which caches the reports per measure. */
  forEachMeasure?(check: MeasurePart, reads?: (measure: Measure) => unknown): void;
}

/**
 * The per-measure part of a repository rule. It may read the measure, the catalogues, the ids in
 * the repository and the measures this one depends on (its `depends_on` targets), and reports
 * about this measure only.
 */
export type MeasurePart = (measure: Measure, report: (r: ReportInput) => void) => void;

/**
 * Runs `check` for every measure, in order. In an editor most of a large repository is unchanged
 * between two lints: the workspace then replays a measure's reports from the last lint instead,
 * unless the measure, one it depends on, the catalogues or the ids changed. A part that reads
 * more than that (e.g. its measure's place in the whole schedule) passes `reads`: per measure, a
 * value that stays the same (`===`) while what the part reads for it does. A measure's reports
 * are replayed only while it is the same as in the last lint.
 */
export function eachMeasure(ctx: RepositoryContext, check: MeasurePart, reads?: (measure: Measure) => unknown): void {
  if (ctx.forEachMeasure) ctx.forEachMeasure(check, reads);
  else for (const m of ctx.model.measures) check(m, ctx.report);
}

/**
 * The configuration stage runs after every other rule, on what they reported: checks of the
 * configuration itself (waivers). Its findings get their severity from configuration like all
 * others but are never waived.
 */
export interface ConfigurationContext {
  model: Model;
  settings: LintSettings;
  /** Whether `rule` reported about the measure with this id in this lint (waived or not). */
  fired(measureId: string, rule: string): boolean;
  /** The ids of every rule there is (a waiver or `lint.rules` may name only these). */
  ruleIds: ReadonlySet<string>;
  report(r: ReportInput): void;
}

export type Rule =
  | (RuleMeta & { scope: 'measure'; check(ctx: MeasureContext): void })
  | (RuleMeta & { scope: 'repository'; check(ctx: RepositoryContext): void })
  | (RuleMeta & { scope: 'configuration'; check(ctx: ConfigurationContext): void })
  /** Parse-stage rules (yaml-syntax, schema, not-a-measure) report while files are read. */
  | (RuleMeta & { scope: 'parse' });

// The fill function and its types live with the message catalogue; rule modules import them from here.
export { MAX_PLACEHOLDER, MAX_LIST_ITEMS, shorten, formatMessage, type MessageList, type MessageValue, type MessageData } from '../messages/fill';

/** A rule's message filled from `data`, with its key and data kept for the finding (`messageId`, `data`). */
export function messageOf(rule: RuleMeta, key: string, data?: MessageData): { message: Localized; messageId: string; data?: MessageData } {
  const template = rule.messages[key];
  if (!template) throw new Error(`rule ${rule.id}: no message "${key}"`);
  return { message: formatMessage(template, data), messageId: key, ...(data ? { data } : {}) };
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
