// The values an editor offers while a key's value is typed, read from the JSON Schemas – which are
// generated from the TypeScript enums (strategy/schema/enums.ts) – so that completion never lists
// values of its own. A new key or enum value in the schemas is offered without a change here.
import strategySchema from './strategy.schema.json';
import measureSchema from './measure.schema.json';

/** Values by key, then by the key of the block the key sits in ('' = top level of the file). */
export type ValueCompletions = Record<string, Record<string, readonly string[]>>;

interface SchemaNode {
  enum?: unknown[];
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function valuesOf(node: SchemaNode): string[] | undefined {
  if (node.enum) return node.enum.map(String);
  if (node.type === 'boolean') return ['true', 'false'];
  return undefined;
}

function walk(node: SchemaNode, parent: string, out: ValueCompletions): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const values = valuesOf(child) ?? (child.items ? valuesOf(child.items) : undefined);
    if (values) (out[key] ??= {})[parent] ??= values;
    // A block (`privacy:`) or a list of blocks (`milestones:`): its keys sit in it.
    if (child.properties) walk(child, key, out);
    if (child.items?.properties) walk(child.items, key, out);
  }
}

/** Enum and boolean values of strategy.yaml, funding.yaml, partners.yaml and measures. */
export function valueCompletions(): ValueCompletions {
  const out: ValueCompletions = {};
  walk(measureSchema as SchemaNode, '', out);
  walk(strategySchema as SchemaNode, '', out);
  return out;
}
