// The WHATWG Encoding API, which Node and every browser have, but the ES library does not declare.
// Only the core's own type check (strategy/tsconfig.json) reads this file; the main one has Node's
// and the DOM's declarations instead.
interface TextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};
interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};
