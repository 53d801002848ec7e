// Compiles the JSON Schemas to standalone validation code (Ajv "standalone"), so that neither
// the CLI nor the extension compiles schemas at start-up.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../strategy/schema/', import.meta.url);
const load = (n) => JSON.parse(readFileSync(new URL(`${n}.schema.json`, dir), 'utf8'));
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: true, esm: false, lines: false } });
ajv.addVocabulary(['x-kind']);
const names = ['strategy', 'measure', 'funding', 'partners', 'inquiry'];
for (const n of names) ajv.addSchema(load(n), n);
const code = standaloneCode(ajv, Object.fromEntries(names.map((n) => [n, n])));
mkdirSync(new URL('generated/', dir), { recursive: true });
writeFileSync(new URL('generated/validators.js', dir), code);
writeFileSync(
  new URL('generated/validators.d.ts', dir),
  `import type { ErrorObject } from 'ajv';\n` +
    `export interface Validate { (data: unknown): boolean; errors?: ErrorObject[] | null }\n` +
    names.map((n) => `export declare const ${n}: Validate;`).join('\n') +
    '\n',
);
