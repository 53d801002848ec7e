import type { Model, Measure, Origin } from './model/types';
import type { Path, Range } from './types';

export type SymbolKind = 'measure' | 'milestone' | 'field' | 'goal' | 'partner' | 'programme';

/** One occurrence of an id: where it is defined or referenced, with the exact range of the id text. */
export interface SymbolOccurrence {
  kind: SymbolKind;
  /** Measure ids as written; milestones as `MEASURE/milestone`. */
  id: string;
  file: string;
  /** Range of the id text itself (without quotes; for `A/m1` refs the part that names this symbol). */
  range: Range;
  role: 'definition' | 'reference';
  /** Measure that holds the occurrence, if any. */
  measure?: string;
}

/** Range of a scalar's text without surrounding quotes, optionally a sub-span [from, from+len). */
function innerRange(origin: Origin, path: Path, from = 0, len?: number): Range | undefined {
  const r = origin.source.locate(path, 'value', origin.node);
  const lines = origin.source.lines;
  const raw = r.end.offset - r.start.offset;
  if (raw <= 0) return undefined;
  let start = r.start.offset;
  let end = r.end.offset;
  const first = lineTextAt(origin, start, end);
  if (first.startsWith('"') || first.startsWith("'")) {
    start += 1;
    end -= 1;
  }
  start += from;
  if (len !== undefined) end = Math.min(end, start + len);
  return lines.range(start, end);
}

function lineTextAt(origin: Origin, start: number, end: number): string {
  return origin.source.fullText.slice(start, end);
}

/**
 * Every definition and reference of an id in the model, for go-to-definition, find-references,
 * rename, hover and completion. Linear in the size of the model.
 */
export function collectSymbols(model: Model): SymbolOccurrence[] {
  const out: SymbolOccurrence[] = [];
  const push = (kind: SymbolKind, id: string, origin: Origin, path: Path, role: 'definition' | 'reference', measure?: string, from = 0, len?: number) => {
    const range = innerRange(origin, path, from, len);
    if (range) out.push({ kind, id, file: origin.file, range, role, measure });
  };
  for (const f of model.fields) push('field', f.id, f.origin, ['id'], 'definition');
  for (const g of model.goals) {
    push('goal', g.id, g.origin, ['id'], 'definition');
    if (g.field) push('field', g.field.id, g.origin, ['field'], 'reference');
  }
  for (const p of model.partners) push('partner', p.id, p.origin, ['id'], 'definition');
  for (const p of model.programmes) push('programme', p.id, p.origin, ['id'], 'definition');
  const lit = model.strategy.aiLiteracy?.measure;
  if (lit && model.strategy.origin) push('measure', lit.id, model.strategy.origin, lit.path, 'reference');

  for (const m of model.measures) {
    const o = m.origin;
    push('measure', m.id, o, ['id'], 'definition', m.id);
    if (m.field) push('field', m.field.id, o, m.field.path, 'reference', m.id);
    for (const g of m.goals) push('goal', g.id, o, g.path, 'reference', m.id);
    for (const p of m.partners) push('partner', p.id, o, p.path, 'reference', m.id);
    for (const f of m.funding) if (f.source !== 'own') push('programme', f.source, o, [...f.path, 'source'], 'reference', m.id);
    for (const ms of m.milestones) {
      push('milestone', `${m.id}/${ms.id}`, o, [...ms.path, 'id'], 'definition', m.id);
      for (const d of ms.dependsOn) pushDependency(push, d.id, o, d.path, m);
    }
    for (const d of m.dependsOn) pushDependency(push, d.id, o, d.path, m);
  }
  return out;
}

type Push = (kind: SymbolKind, id: string, origin: Origin, path: Path, role: 'definition' | 'reference', measure?: string, from?: number, len?: number) => void;

/** `A` refers to measure A; `A/m1` refers to measure A (its first part) and milestone A/m1 (the rest). */
function pushDependency(push: Push, ref: string, origin: Origin, path: Path, holder: Measure) {
  const slash = ref.indexOf('/');
  if (slash < 0) {
    push('measure', ref, origin, path, 'reference', holder.id);
    return;
  }
  push('measure', ref.slice(0, slash), origin, path, 'reference', holder.id, 0, slash);
  push('milestone', ref, origin, path, 'reference', holder.id, slash + 1, ref.length - slash - 1);
}

/** The occurrence whose range contains the position (1-based line/column), if any. */
export function symbolAt(symbols: SymbolOccurrence[], file: string, line: number, column: number): SymbolOccurrence | undefined {
  let best: SymbolOccurrence | undefined;
  for (const s of symbols) {
    if (s.file !== file) continue;
    const { start, end } = s.range;
    const after = line > start.line || (line === start.line && column >= start.column);
    const before = line < end.line || (line === end.line && column <= end.column);
    if (after && before && (!best || s.range.end.offset - s.range.start.offset < best.range.end.offset - best.range.start.offset)) best = s;
  }
  return best;
}

/** The part of an id a rename replaces: for milestones only the part after the slash. */
export function renameText(kind: SymbolKind, newName: string): string {
  return kind === 'milestone' && newName.includes('/') ? newName.slice(newName.indexOf('/') + 1) : newName;
}
