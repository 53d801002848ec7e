import { isRecord } from '../../model/coerce';
import type { Measure } from '../../model/types';
import type { Path } from '../../types';

/**
 * Where a finding about `block.key` points: at the value when one is written, at the key when it
 * has no value, otherwise at the block's key (where the missing entry belongs).
 */
export function keyOrBlock(measure: Measure, block: 'ai' | 'privacy' | 'ethics', key: string): { at: Path; target: 'key' | 'value' } {
  const raw = measure.data[block];
  if (isRecord(raw) && key in raw) return { at: [block, key], target: raw[key] === null ? 'key' : 'value' };
  return { at: [block], target: 'key' };
}
