import type { ParsedFile } from '../parse/file';
import { DEFAULT_INCLUDE } from './catalogue';
import type { Model, StrategyConfig } from './types';
import { parseDateSpan } from '../dates';
import { pushAll } from '../arrays';

/** Combines parsed files into the resolved model. Linear in the number of files and elements. */
export function buildModel(files: ParsedFile[]): Model {
  const strategyFile = files.find((f) => f.kind === 'strategy');
  const strategy: StrategyConfig = strategyFile?.strategy ?? { include: DEFAULT_INCLUDE, lint: { rules: {} }, data: {} };
  if (strategy.horizon) strategy.horizonSpan = { first: parseDateSpan(strategy.horizon.start)?.first, last: parseDateSpan(strategy.horizon.end)?.last };
  const model: Model = {
    strategy,
    fields: [],
    goals: [],
    partners: [],
    programmes: [],
    measures: [],
    fieldById: new Map(),
    goalById: new Map(),
    partnerById: new Map(),
    programmeById: new Map(),
    measureById: new Map(),
    files: files.map((f) => f.path),
  };
  // strategy.yaml first, so its inline catalogues win over funding.yaml/partners.yaml on duplicates.
  const ordered = byRankAndPath(files);
  for (const f of ordered) {
    // Most files are one measure and no catalogue: skip the empty lists (thousands per edit).
    if (f.fields.length) pushAll(model.fields, f.fields);
    if (f.goals.length) pushAll(model.goals, f.goals);
    if (f.partners.length) pushAll(model.partners, f.partners);
    if (f.programmes.length) pushAll(model.programmes, f.programmes);
    for (const m of f.measures) model.measures.push(m);
  }
  for (const x of model.fields) if (!model.fieldById.has(x.id)) model.fieldById.set(x.id, x);
  for (const x of model.goals) if (!model.goalById.has(x.id)) model.goalById.set(x.id, x);
  for (const x of model.partners) if (!model.partnerById.has(x.id)) model.partnerById.set(x.id, x);
  for (const x of model.programmes) if (!model.programmeById.has(x.id)) model.programmeById.set(x.id, x);
  for (const x of model.measures) if (!model.measureById.has(x.id)) model.measureById.set(x.id, x);
  return model;
}

/** Files by rank, then path. The workspace passes them sorted by path: then three buckets suffice (no sort of thousands of files on each edit). */
function byRankAndPath(files: ParsedFile[]): ParsedFile[] {
  const buckets: ParsedFile[][] = [[], [], []];
  for (const f of files) buckets[rank(f)].push(f);
  for (const b of buckets) {
    for (let i = 1; i < b.length; i++) {
      if (b[i - 1].path > b[i].path) {
        b.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
        break;
      }
    }
  }
  return [...buckets[0], ...buckets[1], ...buckets[2]];
}

function rank(f: ParsedFile): number {
  return f.kind === 'strategy' ? 0 : f.kind === 'funding' || f.kind === 'partners' ? 1 : 2;
}
