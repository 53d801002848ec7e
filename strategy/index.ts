/** Public API of the core, shared by the CLI, the VS Code extension and tests. */
export { StrategyWorkspace, groupByFile, sortFindings, changedFiles, type LintResult } from './workspace';
export { ALL_RULES, RULES_BY_ID } from './rules/index';
export type { Rule, RuleMeta, RuleCategory } from './rules/rule';
export { docsPath, shorten } from './rules/rule';
export { applyEdits, applyFixes, replaceTitle, type Fix, type TextEdit, type FixOutcome } from './fix';
export { fixWorkspace, MAX_FIX_PASSES, type FixedFile, type WorkspaceFixResult } from './fix-workspace';
export { message, localized, valueLabel, isMessageKey, fill, MessageError, isMessageError, CATALOGUES, type MessageKey, type MessageData, type Messages } from './messages/index';
export { unreadableFile, readErrorCode } from './parse/unreadable';
export { parseRuleOption, resolveSeverity, type LintOptions } from './config';
export { makeClassifier, STRATEGY_FILE } from './discovery';
export { todayUtc, isDay, parseDateSpan } from './dates';
export type * from './types';
export type * from './model/types';
export { collectSymbols, symbolAt, renameText, type SymbolOccurrence, type SymbolKind } from './symbols';
export { dependencyGraph, buildDependencyGraph, parseDependencyRef, type DependencyGraph, type DependencyNode, type DependencyEdge, type DependencyCycle } from './graph';
export { MEASURE_STATUSES, FUNDING_STATUSES, MILESTONE_STATUSES, AI_CATEGORIES, AI_RISKS, PROVIDERS, PARTNER_KINDS } from './model/types';
