import type { Position, Range } from './types';

/** Maps offsets of one text to 1-based line/column; built once per file, on first use. */
export class LineIndex {
  private starts: Uint32Array | undefined;
  constructor(readonly text: string) {}

  private lineStarts(): Uint32Array {
    if (!this.starts) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && t.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
      this.starts = Uint32Array.from(starts); // a quarter of the memory of the pushed array
    }
    return this.starts;
  }

  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of a CRLF is still the end of the line (the yaml package points at a CR).
    if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) o--;
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1, offset: o };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  get length(): number {
    return this.text.length;
  }
}

export type DecodeResult = { ok: true; text: string; hadBom: boolean } | { ok: false; byteOffset: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file bytes as UTF-8; reports the first invalid byte instead of replacing it silently. */
export function decodeUtf8(bytes: Uint8Array | string): DecodeResult {
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    try {
      text = decoder.decode(bytes);
    } catch {
      return { ok: false, byteOffset: firstInvalidUtf8Byte(bytes) };
    }
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: hadBom ? text.slice(1) : text, hadBom };
}

function firstInvalidUtf8Byte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}
