import type { YamlNode, YamlSource } from '../parse/yaml';
import { parseDateSpan } from '../dates';
import { isRealReason } from '../data/waivers';
import { arr, bool, dateStr, isRecord, num, oneOf, str, text, visibleText } from './coerce';
import { readLifecycle, readRegister } from './register';
import {
  AI_SYSTEM_KINDS, ASSESSMENT_STATES, ETHICS_REVIEW_STATES, EU_REGISTRATION_STATES, JURISDICTIONS, AI_CATEGORIES, AI_RISKS, FUNDING_STATUSES, MEASURE_STATUSES, MILESTONE_STATUSES,
  type AiBlock, type Cost, type Ethics, type FundingEntry, type MarkdownBody, type Measure, type Milestone, type Privacy, type Ref, type Waiver,
} from './types';
import type { Path } from '../types';
import { sharedPath } from './paths';
import { emptyList } from '../arrays';

function refs(v: unknown, key: string, under: Path = NO_PATH): Ref[] {
  const out: Ref[] = [];
  arr(v).forEach((x, i) => {
    const id = str(x);
    if (id !== undefined && id !== '') out.push({ id, path: sharedPath(...under, key, i) });
  });
  return exact(out);
}

/**
 * The list in exact size, an empty one shared. Measures are kept for the whole session and a
 * pushed list has room for 17 elements; in a repository of thousands of measures the slack adds
 * up to megabytes.
 */
function exact<T>(list: T[]): T[] {
  return list.length ? list.slice() : emptyList<T>();
}

const NO_PATH: Path = [];

/** Builds a typed measure from its mapping; values of the wrong type are left out (the schema rule reports them). */
export function buildMeasure(data: Record<string, unknown>, file: string, source: YamlSource, node: YamlNode | null, body?: MarkdownBody): Measure {
  const id = str(data.id) ?? '';
  const fieldId = str(data.field);
  const start = dateStr(data.start);
  const end = dateStr(data.end);

  let cost: Cost | undefined;
  if (num(data.cost) !== undefined) cost = { total: num(data.cost), currency: 'EUR', totalPath: sharedPath('cost') };
  else if (isRecord(data.cost)) cost = { total: num(data.cost.total), currency: text(data.cost.currency) ?? 'EUR', per_year: num(data.cost.per_year), totalPath: sharedPath('cost', 'total') };

  const funding: FundingEntry[] = [];
  arr(data.funding).forEach((f, i) => {
    if (!isRecord(f)) return;
    const source = str(f.source);
    if (!source) return;
    funding.push({ source, status: oneOf(f.status, FUNDING_STATUSES), amount: num(f.amount), date: dateStr(f.date), reference: str(f.reference), decision: dateStr(f.decision), proof_of_use: dateStr(f.proof_of_use), earmarked_until: dateStr(f.earmarked_until), path: sharedPath('funding', i) });
  });

  const milestones: Milestone[] = [];
  arr(data.milestones).forEach((ms, i) => {
    if (!isRecord(ms)) return;
    const mid = str(ms.id);
    if (!mid) return;
    const date = dateStr(ms.date);
    const path = sharedPath('milestones', i);
    milestones.push({
      id: mid,
      title: text(ms.title) ?? mid,
      date,
      span: parseDateSpan(date),
      status: oneOf(ms.status, MILESTONE_STATUSES),
      dependsOn: refs(ms.depends_on, 'depends_on', path),
      path,
    });
  });

  const waivers: Waiver[] = [];
  arr(data.waivers).forEach((w, i) => {
    if (!isRecord(w)) return;
    const rule = str(w.rule);
    const reason = text(w.reason);
    if (!rule || reason === undefined || !isRealReason(reason)) return;
    waivers.push({ rule, reason, until: dateStr(w.until), by: text(w.by), path: sharedPath('waivers', i) });
  });

  let privacy: Privacy | undefined;
  if (isRecord(data.privacy)) {
    const p = data.privacy;
    privacy = {
      personal_data: bool(p.personal_data),
      dpia: oneOf(p.dpia, ASSESSMENT_STATES),
      dpia_date: dateStr(p.dpia_date),
      dpo_consulted: dateStr(p.dpo_consulted),
      legal_basis: text(p.legal_basis),
      ropa: bool(p.ropa),
    };
  }

  let ai: AiBlock | undefined;
  if (isRecord(data.ai)) {
    const a = data.ai;
    ai = {
      category: oneOf(a.category, AI_CATEGORIES),
      risk: oneOf(a.risk, AI_RISKS),
      purpose: text(a.purpose),
      annex_iii: str(a.annex_iii),
      exemption: typeof a.exemption === 'string' ? a.exemption : a.exemption === null ? '' : undefined,
      profiling: bool(a.profiling),
      human_oversight: text(a.human_oversight),
      fria: oneOf(a.fria, ASSESSMENT_STATES),
      eu_registration: oneOf(a.eu_registration, EU_REGISTRATION_STATES),
      transparency_notice: bool(a.transparency_notice),
      vendor: text(a.vendor),
      model: text(a.model),
      in_service_since: dateStr(a.in_service_since),
      system: oneOf(a.system, AI_SYSTEM_KINDS),
    };
  }

  let ethics: Ethics | undefined;
  if (isRecord(data.ethics)) {
    ethics = { review: oneOf(data.ethics.review, ETHICS_REVIEW_STATES), date: dateStr(data.ethics.date), body: text(data.ethics.body) };
  }

  return {
    id,
    title: visibleText(data.title)?.trim() || id,
    field: fieldId ? { id: fieldId, path: sharedPath('field') } : undefined,
    goals: refs(data.goals, 'goals'),
    owner: text(data.owner)?.trim() || undefined,
    status: oneOf(data.status, MEASURE_STATUSES),
    start,
    end,
    startSpan: parseDateSpan(start),
    endSpan: parseDateSpan(end),
    dependsOn: refs(data.depends_on, 'depends_on'),
    partners: refs(data.partners, 'partners'),
    cost,
    funding: exact(funding),
    privacy,
    ai,
    ethics,
    milestones: exact(milestones),
    waivers: exact(waivers),
    tags: exact(arr(data.tags).filter((t): t is string => typeof t === 'string')),
    description: text(data.description),
    register: readRegister(data.register),
    lifecycle: readLifecycle(data.lifecycle),
    jurisdiction: oneOf(data.jurisdiction, JURISDICTIONS),
    data,
    origin: { file, source, node },
    body,
  };
}
