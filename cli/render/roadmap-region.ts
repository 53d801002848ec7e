// `strategy roadmap --update FILE`: replaces what lies between `<!-- roadmap:start … -->` and
// `<!-- roadmap:end -->` and keeps every other byte as it is (encoding, BOM, CRLF, trailing
// text). Works on bytes: markers are ASCII, so a latin1 view gives byte offsets.
import { UsageError } from '../errors';
import { ROADMAP_GROUPS, ROADMAP_TYPES, type RoadmapDiagram, type RoadmapGroup, type RoadmapType } from '../../strategy/diagrams/index';
import { mermaidMarkdown } from '../../strategy/report/roadmap-markdown';

export interface RegionSettings {
  /** `type=…` on the start marker; otherwise the command's --type. */
  type?: RoadmapType;
  /** `group=…` on the start marker; otherwise the command's --group. */
  group?: RoadmapGroup;
}

const MARKER = /<!--[ \t]*roadmap:(?:(start)(?:[ \t]+([^>]*?))?|(end))[ \t]*-->/g;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function parseSettings(attrs: string, where: string): RegionSettings {
  const settings: RegionSettings = {};
  for (const token of attrs.trim().split(/\s+/).filter(Boolean)) {
    const m = /^([a-z-]+)=("?)([^"]*)\2$/.exec(token);
    const key = m?.[1];
    const value = m?.[3] ?? '';
    if (key === 'type' && (ROADMAP_TYPES as readonly string[]).includes(value)) settings.type = value as RoadmapType;
    else if (key === 'group' && (ROADMAP_GROUPS as readonly string[]).includes(value)) settings.group = value as RoadmapGroup;
    else {
      throw new UsageError('roadmap.region.unknownSetting', { where, token, types: ROADMAP_TYPES.join('|'), groups: ROADMAP_GROUPS.join('|') });
    }
  }
  return settings;
}

/** The file's line ending at the start marker (else its first line ending, else LF). */
function lineEnding(text: string, after: number): string {
  if (text.startsWith('\r\n', after)) return '\r\n';
  if (text.startsWith('\n', after)) return '\n';
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Rewrites every roadmap region of `bytes` with ```mermaid blocks of the diagrams from `render`
 * (the roadmap Markdown writer, in the file's line ending). Throws a
 * UsageError (exit 2) when the file has no region or a marker has no partner.
 */
export function updateRegions(bytes: Uint8Array, file: string, render: (settings: RegionSettings) => RoadmapDiagram[]): Buffer {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const out: Buffer[] = [];
  let copied = 0;
  let open: { end: number; settings: RegionSettings; line: number } | undefined;
  let regions = 0;
  for (const m of text.matchAll(MARKER)) {
    const at = m.index!;
    const where = `${file}:${lineOf(text, at)}`;
    if (m[1] === 'start') {
      if (open) throw new UsageError('roadmap.region.secondStart', { where, line: open.line });
      open = { end: at + m[0].length, settings: parseSettings(m[2] ?? '', where), line: lineOf(text, at) };
      continue;
    }
    if (!open) throw new UsageError('roadmap.region.endWithoutStart', { where });
    const eol = lineEnding(text, open.end);
    const blocks = mermaidMarkdown(render(open.settings)).replace(/\n$/, '').split('\n').join(eol);
    out.push(Buffer.from(bytes.subarray(copied, open.end)), Buffer.from(eol + blocks + eol, 'utf8'));
    copied = at;
    open = undefined;
    regions++;
  }
  if (open) throw new UsageError('roadmap.region.startWithoutEnd', { where: `${file}:${open.line}` });
  if (regions === 0) {
    throw new UsageError('roadmap.region.none', { file });
  }
  out.push(Buffer.from(bytes.subarray(copied)));
  return Buffer.concat(out);
}
