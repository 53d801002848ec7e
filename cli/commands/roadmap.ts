import { extname } from 'node:path';
import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang } from '../options';
import { emit, note, writeFileAtomic } from '../io';
import { readCommandLineFile } from '../write-guard';
import { DEFAULT_MAX_FILE_BYTES } from '../../strategy/files/policy';
import { UsageError } from '../errors';
import { cliLang, setCliLang } from '../lang';
import { dependencyGraph, message, shorten } from '../../strategy/index';
import { roadmapDiagrams, resolvePeriod, ROADMAP_GROUPS, ROADMAP_TYPES, type RoadmapDiagram, type RoadmapGroup, type RoadmapOptions, type RoadmapType } from '../../strategy/diagrams/index';
import { updateRegions } from '../render/roadmap-region';
import { printable } from '../format/stylish';

export interface RoadmapCommandOptions {
  root?: string;
  /** Files above this size (bytes) are reported, not read. */
  maxFileSize?: number;
  type?: string;
  group?: string;
  aiOnly?: boolean;
  from?: string;
  to?: string;
  asOf?: string;
  output?: string;
  update?: string;
  lang?: string;
  /** `--critical-path [target]`: true (horizon end) or a measure / milestone. */
  criticalPath?: boolean | string;
  /** `--baseline REF`: the gantt shows the bars at that state beside the current ones. */
  baseline?: string;
}

const OUTPUTS = ['.mmd', '.md', '.html', '.svg', '.png'];

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError('cli.option.oneOf', { option: name, allowed: allowed.join(', '), value });
  return value as T;
}

/** `strategy roadmap`: Mermaid source to stdout, a file by extension, or a region of a Markdown file. */
export async function runRoadmap(opts: RoadmapCommandOptions): Promise<number> {
  const type = oneOf<RoadmapType>('--type', opts.type, ROADMAP_TYPES, 'gantt');
  const group = oneOf<RoadmapGroup>('--group', opts.group, ROADMAP_GROUPS, 'field');
  const asOf = parseAsOf(opts.asOf);
  const langOption = parseLang(opts.lang);
  resolvePeriod(opts.from, opts.to); // a MessageError: printed as a one-line usage error
  const ext = opts.output ? extname(opts.output).toLowerCase() : undefined;
  if (opts.output && opts.update) throw new UsageError('cli.option.outputOrUpdate');
  if (ext !== undefined && !OUTPUTS.includes(ext)) throw new UsageError('cli.option.outputExtension', { allowed: OUTPUTS.join(', '), value: opts.output ?? '' });

  const root = resolveRoot(opts.root);
  const result = loadWorkspace(root, { maxFileBytes: opts.maxFileSize }).lint({ asOf, lang: langOption, once: true });
  setCliLang(result.lang);
  // Where our own Mermaid renders (HTML, SVG, PNG), the as-of date is a vertical line; Mermaid
  // text for GitHub, GitLab and other viewers uses a milestone, which every Mermaid version reads.
  const asOfMarker = ext === '.html' || ext === '.svg' || ext === '.png' ? 'line' : 'milestone';
  if (typeof opts.criticalPath === 'string' && !dependencyGraph(result.model).resolve(opts.criticalPath)) throw new UsageError('cli.option.unknownTarget', { option: '--critical-path', value: opts.criticalPath });
  if (opts.baseline !== undefined && type !== 'gantt') throw new UsageError('roadmap.baselineGanttOnly');
  const baseline = opts.baseline === undefined ? undefined : { label: opts.baseline, model: (await (await import('./diff')).stateAt(root, opts.baseline, { lang: result.lang, maxFileSize: opts.maxFileSize, option: '--baseline' })).result.model };
  const base: Omit<RoadmapOptions, 'type'> = { baseline, group, aiOnly: Boolean(opts.aiOnly), from: opts.from, to: opts.to, asOf, lang: result.lang, asOfMarker, criticalPath: opts.criticalPath };
  const diagramsOf = (options: RoadmapOptions) => roadmapDiagrams(result, options);

  if (opts.update) {
    const file = opts.update;
    // Only a regular file inside the repository (when it is in it), with the size limit.
    const bytes = readCommandLineFile(file, '--update', opts.maxFileSize ?? DEFAULT_MAX_FILE_BYTES);
    const updated = updateRegions(bytes, file, (region) => {
      const diagrams = diagramsOf({ ...base, type: region.type ?? type, group: region.group ?? group });
      noteOmitted(diagrams);
      return diagrams;
    });
    if (!updated.equals(bytes)) writeFileAtomic(file, updated);
    return 0;
  }

  const diagrams = diagramsOf({ ...base, type });
  noteOmitted(diagrams);
  const strategyTitle = typeof result.model.strategy.title === 'string' ? result.model.strategy.title.trim() : '';
  const title = diagrams.length === 1 ? diagrams[0].title : strategyTitle || 'Roadmap';

  if (!opts.output) {
    emit(diagrams.map((d, i) => (diagrams.length > 1 ? `%% ${i + 1}/${diagrams.length}\n${d.source}` : d.source)).join('\n'), undefined);
    return 0;
  }
  const output = opts.output;
  switch (ext) {
    case '.mmd':
      writeNumbered(output, diagrams.map((d) => d.source));
      break;
    case '.md': {
      const { roadmapMarkdown } = await import('../../strategy/report/roadmap-markdown');
      writeFileAtomic(output, roadmapMarkdown(diagrams, { title, lang: result.lang }));
      break;
    }
    case '.html': {
      const { roadmapHtml } = await import('../render/html');
      writeFileAtomic(output, roadmapHtml(diagrams, { title, lang: result.lang }));
      break;
    }
    case '.svg': {
      const { renderMermaidToSvg } = await import('../render/browser');
      writeNumbered(output, await renderMermaidToSvg(diagrams.map((d) => d.source), { naturalSize: true }));
      break;
    }
    case '.png': {
      const { renderMermaidToPng } = await import('../render/browser');
      writeNumbered(output, await renderMermaidToPng(diagrams.map((d) => d.source)));
      break;
    }
  }
  return 0;
}

/** One file, or `name-1.ext`, `name-2.ext`, … when the roadmap was split. */
function writeNumbered(output: string, contents: Array<string | Uint8Array>): void {
  if (contents.length === 1) {
    writeFileAtomic(output, contents[0]);
    return;
  }
  const ext = extname(output);
  const stem = output.slice(0, output.length - ext.length);
  const files = contents.map((c, i) => {
    const file = `${stem}-${i + 1}${ext}`;
    writeFileAtomic(file, c);
    return file;
  });
  process.stderr.write(`strategy: ${message(cliLang(), 'roadmap.split', { n: files.length, files: files.join(', ') })}\n`);
}

/** The ids are the repository's: shortened, and control characters shown as escapes, as in `stylish`. */
function noteOmitted(diagrams: RoadmapDiagram[]): void {
  const omitted = diagrams.flatMap((d) => d.omitted);
  if (omitted.length) {
    const ids = omitted.map((id) => printable(shorten(id))).join(', ');
    note(message(cliLang(), omitted.length === 1 ? 'roadmap.omitted.one' : 'roadmap.omitted.other', { n: omitted.length, ids }));
  }
}
