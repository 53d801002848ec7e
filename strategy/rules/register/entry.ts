import { isRecord } from '../../model/coerce';
import type { Catalogues, Measure } from '../../model/types';
import type { Path } from '../../types';
import { profileOf } from '../scope';

/**
 * Whether a measure is an entry of the public register: it has a `register` block, or the
 * repository is a register (`lint.profile: register`) and the measure has an `ai` block.
 */
export function isRegisterEntry(measure: Measure, model: Catalogues): boolean {
  if (measure.register) return true;
  return profileOf(model) === 'register' && measure.ai !== undefined;
}

/** The value at `path` in the measure's mapping, as written. */
export function valueAt(measure: Measure, path: Path): unknown {
  let v: unknown = measure.data;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isRecord(v) && typeof seg === 'string') v = v[seg];
    else return undefined;
  }
  return v;
}

/** The text of a value: a string, or the `text` of `{text, links}`. */
export function textAt(measure: Measure, path: Path): { text: string; path: Path } | undefined {
  const v = valueAt(measure, path);
  if (typeof v === 'string') return { text: v, path };
  if (isRecord(v) && typeof v.text === 'string') return { text: v.text, path: [...path, 'text'] };
  return undefined;
}

/** The deepest existing mapping key on the way to `path`: where a missing value belongs. */
export function nearestKey(measure: Measure, path: Path): Path {
  for (let n = path.length; n > 0; n--) {
    const p = path.slice(0, n);
    if (valueAt(measure, p) !== undefined) return p;
  }
  return [];
}

/** `register.impact_assessments[0].summary` – how a key is named in messages. */
export function keyName(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}
