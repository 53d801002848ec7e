/** Node kinds of a NodeIndex record (0: no node). */
export const NONE = -1;
export const MAP = 1;
export const SEQ = 2;
export const SCALAR = 3;
export const OTHER = 4;

/**
 * All nodes of one YAML document in one integer array. A node is the offset of its record:
 * kind, range (start, value end, node end, as the yaml package gives them), then for a mapping
 * its entry count and per entry the key and value node; for a sequence its item count and items;
 * for a mapping key that is a scalar its slot in `keys` (other scalars: NONE; their text is read
 * from the file by range). Missing nodes are NONE. Front matter fits 16 bits.
 */
export class NodeIndex {
  private readonly none: number;

  constructor(
    private readonly d: Int32Array | Uint16Array,
    /** Per scalar key: its `String(value)`, how keys are matched. */
    private readonly keys: readonly string[],
  ) {
    this.none = d instanceof Uint16Array ? 0xffff : NONE;
  }

  /** An index from records with NONE as -1: 16 bits when every number fits (NONE becomes 0xFFFF, which no offset, count or slot can then be). */
  static fromRecords(data: readonly number[], keys: readonly string[]): NodeIndex {
    let max = 0;
    for (const v of data) if (v > max) max = v;
    if (max >= 0xffff) return new NodeIndex(Int32Array.from(data), keys);
    const small = new Uint16Array(data.length);
    for (let i = 0; i < data.length; i++) small[i] = data[i] < 0 ? 0xffff : data[i];
    return new NodeIndex(small, keys);
  }

  get root(): number {
    return this.d.length ? 0 : NONE;
  }
  /** The node in slot `i` (an entry's key or value, a sequence item), or NONE. */
  ref(i: number): number {
    const v = this.d[i];
    return v === this.none ? NONE : v;
  }
  kind(node: number): number {
    return node >= 0 ? this.d[node] : 0;
  }
  start(node: number): number {
    return this.d[node + 1];
  }
  valueEnd(node: number): number {
    return this.d[node + 2];
  }
  end(node: number): number {
    return this.d[node + 3];
  }
  count(node: number): number {
    return this.d[node + 4];
  }
  item(seq: number, i: number): number {
    return this.ref(seq + 5 + i);
  }
  /** A scalar mapping key's text (`String(value)`). */
  keyText(node: number): string {
    return this.keys[this.d[node + 4]];
  }
  /** The slot of entry `i` of a mapping: its key node is `ref(slot)`, its value `ref(slot + 1)`. */
  entrySlot(map: number, i: number): number {
    return map + 5 + 2 * i;
  }
  /** The slot of the first entry of `map` whose key is a scalar with `String(value) === key`, or NONE. */
  entry(map: number, key: string): number {
    const end = map + 5 + 2 * this.d[map + 4];
    for (let e = map + 5; e < end; e += 2) {
      const k = this.ref(e);
      if (k >= 0 && this.d[k] === SCALAR && this.keys[this.d[k + 4]] === key) return e;
    }
    return NONE;
  }
}

