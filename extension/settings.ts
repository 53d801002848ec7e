import * as vscode from 'vscode';
import type { Lang, LintOptions, SeveritySetting } from '../strategy/index';
import { isDay, todayUtc } from '../strategy/index';

export const SECTION = 'strategyRoadmap';

/** Lint options from the user's settings: as-of date, rule severities, language. */
export function lintOptions(scope?: vscode.Uri): LintOptions {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const asOf = (cfg.get<string>('asOf') ?? '').trim();
  const rules = cfg.get<Record<string, SeveritySetting>>('rules') ?? {};
  const language = cfg.get<string>('language') ?? 'auto';
  const clean: Record<string, SeveritySetting> = {};
  for (const [k, v] of Object.entries(rules)) if (['error', 'warning', 'info', 'off'].includes(v)) clean[k] = v;
  return {
    asOf: asOf && isDay(asOf) ? asOf : todayUtc(new Date()),
    ruleOverrides: clean,
    lang: language === 'de' || language === 'en' ? language : undefined,
  };
}

/** UI language of generated content when the setting is `auto`: VS Code's display language. */
export function uiLang(scope?: vscode.Uri): Lang {
  const language = vscode.workspace.getConfiguration(SECTION, scope).get<string>('language') ?? 'auto';
  if (language === 'de' || language === 'en') return language;
  return vscode.env.language.startsWith('de') ? 'de' : 'en';
}
