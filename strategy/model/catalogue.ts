import type { YamlSource } from '../parse/yaml';
import { arr, dateStr, isRecord, oneOf, str, text, visibleText } from './coerce';
import { JURISDICTIONS, LINT_PROFILES, PARTNER_KINDS, PROVIDERS, type Field, type Goal, type Partner, type Programme, type StrategyConfig } from './types';
import type { SeveritySetting } from '../types';
import { AI_ACT_VERSION_IDS } from '../data/ai-act';

export const DEFAULT_INCLUDE = ['measures/**/*.{md,yaml,yml}'];

export function readFields(data: Record<string, unknown>, file: string, source: YamlSource): Field[] {
  const out: Field[] = [];
  arr(data.fields).forEach((f, i) => {
    if (!isRecord(f) || !str(f.id)) return;
    out.push({ id: str(f.id)!, title: visibleText(f.title) ?? str(f.id)!, description: text(f.description), origin: { file, source, node: source.itemOf('fields', i) } });
  });
  return out;
}

export function readGoals(data: Record<string, unknown>, file: string, source: YamlSource): Goal[] {
  const out: Goal[] = [];
  arr(data.goals).forEach((g, i) => {
    if (!isRecord(g) || !str(g.id)) return;
    out.push({
      id: str(g.id)!,
      title: visibleText(g.title) ?? str(g.id)!,
      field: str(g.field) ? { id: str(g.field)!, path: ['field'] } : undefined,
      description: text(g.description),
      origin: { file, source, node: source.itemOf('goals', i) },
    });
  });
  return out;
}

export function readProgrammes(data: Record<string, unknown>, file: string, source: YamlSource): Programme[] {
  const out: Programme[] = [];
  arr(data.programmes).forEach((p, i) => {
    if (!isRecord(p) || !str(p.id)) return;
    out.push({
      id: str(p.id)!,
      name: text(p.name) ?? str(p.id)!,
      provider: oneOf(p.provider, PROVIDERS),
      body: text(p.body),
      url: text(p.url),
      rate: typeof p.rate === 'number' || typeof p.rate === 'string' ? p.rate : undefined,
      deadline: dateStr(p.deadline),
      notes: text(p.notes),
      origin: { file, source, node: source.itemOf('programmes', i) },
    });
  });
  return out;
}

export function readPartners(data: Record<string, unknown>, file: string, source: YamlSource): Partner[] {
  const out: Partner[] = [];
  arr(data.partners).forEach((p, i) => {
    if (!isRecord(p) || !str(p.id)) return;
    out.push({ id: str(p.id)!, name: text(p.name) ?? str(p.id)!, kind: oneOf(p.kind, PARTNER_KINDS), url: text(p.url), origin: { file, source, node: source.itemOf('partners', i) } });
  });
  return out;
}

export function readStrategyConfig(data: Record<string, unknown>, file: string, source: YamlSource): StrategyConfig {
  const lint = isRecord(data.lint) ? data.lint : {};
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(lint.rules)) {
    for (const [k, v] of Object.entries(lint.rules)) {
      const sev = oneOf(v, ['error', 'warning', 'info', 'off'] as const);
      if (sev) rules[k] = sev;
    }
  }
  const include = arr(data.include).filter((x): x is string => typeof x === 'string' && x.length > 0);
  const adopted = isRecord(data.adopted) ? { date: dateStr(data.adopted.date), reference: text(data.adopted.reference) } : undefined;
  const horizon = isRecord(data.horizon) ? { start: dateStr(data.horizon.start), end: dateStr(data.horizon.end) } : undefined;
  const lit = isRecord(data.ai_literacy) ? data.ai_literacy : undefined;
  return {
    schema: typeof data.schema === 'number' ? data.schema : undefined,
    title: visibleText(data.title),
    organisation: text(data.organisation),
    language: oneOf(data.language, ['de', 'en'] as const),
    adopted,
    horizon,
    aiLiteracy: lit ? { description: text(lit.description), since: dateStr(lit.since), measure: str(lit.measure) ? { id: str(lit.measure)!, path: ['ai_literacy', 'measure'] } : undefined } : undefined,
    include: include.length ? include : DEFAULT_INCLUDE,
    lint: { rules, deadlineDays: typeof lint.deadline_days === 'number' ? lint.deadline_days : undefined, profile: oneOf(lint.profile, LINT_PROFILES) },
    jurisdiction: oneOf(data.jurisdiction, JURISDICTIONS),
    aiActVersion: isRecord(data.ai_act) ? oneOf(data.ai_act.version, AI_ACT_VERSION_IDS) : undefined,
    data,
    origin: { file, source, node: source.root },
  };
}
