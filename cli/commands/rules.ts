import { ALL_RULES, message, type Lang } from '../../strategy/index';
import { parseLang } from '../options';
import { cliLang } from '../lang';
import { plainDescription } from '../lifecycle/rule-labels';

export interface RulesCommandOptions {
  lang?: string;
}


/**
 * `strategy rules`: one line per rule (id, default severity, category, description), in the
 * order of the rule list. On a terminal the description wraps at the window width; in a pipe
 * every rule stays on one line, so the output can be filtered with grep.
 */
export async function runRules(opts: RulesCommandOptions): Promise<number> {
  const lang: Lang = parseLang(opts.lang) ?? cliLang();
  const rows = ALL_RULES.map((r) => [r.id, message(lang, `severity.${r.defaultSeverity}`), message(lang, `category.${r.category}`), plainDescription(r.description[lang])]);
  const header = (['rule', 'default', 'category', 'description'] as const).map((column) => message(lang, `rules.header.${column}`));
  const widths = [0, 1, 2].map((c) => Math.max(header[c].length, ...rows.map((r) => r[c].length)));
  const lead = widths.reduce((n, w) => n + w + 2, 0);
  const columns = process.stdout.isTTY ? process.stdout.columns ?? 0 : 0;
  const descriptionWidth = columns > lead + 20 ? columns - lead : Infinity;
  const line = (cells: string[]) => {
    const [first, ...rest] = wrap(cells[3], descriptionWidth);
    const out = [cells.slice(0, 3).map((c, i) => c.padEnd(widths[i])).join('  ') + '  ' + first];
    for (const more of rest) out.push(' '.repeat(lead) + more);
    return out.map((l) => l.trimEnd()).join('\n');
  };
  const text = [line([...header]), line(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(header[3].length))), ...rows.map(line)].join('\n');
  process.stdout.write(text + '\n');
  return 0;
}

function wrap(text: string, width: number): string[] {
  if (!Number.isFinite(width) || text.length <= width) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
