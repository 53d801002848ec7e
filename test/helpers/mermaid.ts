// Validates Mermaid source with Mermaid's own parser in plain Node (no browser), as described in
// ../shared/notes/mermaid.md: mermaid sanitises labels with the ESM DOMPurify instance it imports,
// which has no DOM in Node – we give that instance no-op hooks and an identity `sanitize`.

export interface ParsedMermaid {
  diagramType: string;
  /** Configuration taken from directives or front matter in the source (must stay empty for our diagrams). */
  config: Record<string, unknown>;
}

interface MermaidApi {
  initialize(config: object): void;
  parse(text: string): Promise<ParsedMermaid | false>;
}

let loaded: Promise<MermaidApi> | undefined;

// A computed specifier keeps the import a native ESM import (the ESM copy of DOMPurify is the
// one mermaid uses; `require('dompurify')` would load a separate CommonJS copy).
const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: unknown }>;

async function load(): Promise<MermaidApi> {
  const purify = (await nativeImport('dompurify')).default as Record<string, unknown>;
  for (const hook of ['addHook', 'removeHook', 'removeHooks', 'removeAllHooks']) purify[hook] = () => undefined;
  purify.sanitize = (s: unknown) => s;
  const mermaid = (await nativeImport('mermaid')).default as MermaidApi;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
}

/** Parses one Mermaid source; throws with Mermaid's message (and the source) when it does not parse. */
export async function parseMermaid(source: string): Promise<ParsedMermaid> {
  const mermaid = await (loaded ??= load());
  try {
    const result = await mermaid.parse(source);
    if (!result) throw new Error('mermaid.parse returned false');
    return { diagramType: result.diagramType, config: result.config ?? {} };
  } catch (e) {
    const err = new Error(`Mermaid could not parse the diagram: ${(e as Error).message}\n--- source ---\n${source}`);
    throw err;
  }
}

/** Mermaid's parsed diagram (its `db` holds sections, tasks, vertices …), for assertions on what the parser saw. */
export async function parseMermaidDiagram(source: string): Promise<{ type: string; db: Record<string, (...args: unknown[]) => unknown> }> {
  await (loaded ??= load());
  const mermaid = (await nativeImport('mermaid')).default as { mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: Record<string, (...args: unknown[]) => unknown> }> } };
  return mermaid.mermaidAPI.getDiagramFromText(source);
}

/**
 * The only configuration a roadmap may carry (strategy/diagrams/gantt-look.ts): a gantt's
 * `leftPadding` (a number) and `themeCSS` made of rules for generated task ids. Anything else –
 * a theme, a security level, a rule for any other element – would have come from user text.
 */
export function assertOwnConfig(config: Record<string, unknown>, where = ''): void {
  const keys = Object.keys(config).sort();
  for (const k of keys) if (k !== 'gantt' && k !== 'themeCSS') throw new Error(`${where}: configuration key "${k}" did not come from the roadmap builder: ${JSON.stringify(config)}`);
  if (config.gantt !== undefined) {
    const gantt = config.gantt as Record<string, unknown>;
    if (Object.keys(gantt).join() !== 'leftPadding' || !Number.isInteger(gantt.leftPadding)) throw new Error(`${where}: unexpected gantt configuration ${JSON.stringify(gantt)}`);
  }
  if (config.themeCSS !== undefined) {
    const rule = /^(\[id\$="-m\d+(_b)?(-text)?"\](,\[id\$="-m\d+(_b)?(-text)?"\])*\{[a-z-]+:[#0-9a-z -]+(;[a-z-]+:[#0-9a-z -]+)*\})( |$)/;
    let css = String(config.themeCSS);
    while (css.length) {
      const m = rule.exec(css);
      if (!m) throw new Error(`${where}: themeCSS not made of rules for generated task ids: ${css}`);
      css = css.slice(m[0].length);
    }
  }
}
