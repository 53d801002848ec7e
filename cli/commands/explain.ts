import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_BY_ID, message, type Lang } from '../../strategy/index';
import { didYouMean } from '../../strategy/suggest';
import { parseLang } from '../options';
import { cliLang } from '../lang';
import { useColor } from '../io';
import { UsageError } from '../errors';
import { docsDir } from '../lifecycle/assets';

export interface ExplainCommandOptions {
  lang?: string;
}


/**
 * `strategy explain RULE`: a summary from the rule's metadata (in the chosen language), then
 * its documentation page rendered for the terminal: `docs/rules/de/<rule>.md` in German,
 * `docs/rules/<rule>.md` in English. A page missing in the language is named on stderr; the
 * other language's page is not shown instead (no mixed-language output).
 */
export async function runExplain(ruleId: string, opts: ExplainCommandOptions): Promise<number> {
  const lang: Lang = parseLang(opts.lang) ?? cliLang();
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule) {
    const suggestion = didYouMean(ruleId, RULES_BY_ID.keys());
    throw suggestion ? new UsageError('explain.unknownRuleSuggest', { rule: ruleId, suggestion }) : new UsageError('explain.unknownRule', { rule: ruleId });
  }
  const color = useColor(process.stdout);
  const width = Math.min(100, process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80);
  // The summary is Markdown too (descriptions quote keys in backticks), rendered like the page.
  const head = [`**${rule.id}** · ${message(lang, 'explain.category')}: ${message(lang, `category.${rule.category}`)} · ${message(lang, 'explain.default')}: ${message(lang, `severity.${rule.defaultSeverity}`)}`, rule.description[lang]].join('\n\n');
  const { renderMarkdownForTerminal } = await import('../lifecycle/terminal-markdown');
  const render = (md: string) => renderMarkdownForTerminal(md, { width, color });
  const page = readPage(rule.id, lang);
  if (page === undefined) {
    process.stdout.write(render(head));
    process.stderr.write(message(lang, 'explain.noPage', { path: `docs/rules/${pagePath(rule.id, lang)}` }) + '\n');
    return 0;
  }
  process.stdout.write(render(head) + '\n' + render(page));
  return 0;
}

/** The rule's page in a language, relative to docs/rules/: English pages at the top, German ones in de/. */
export const pagePath = (id: string, lang: Lang): string => (lang === 'en' ? `${id}.md` : `${lang}/${id}.md`);

function readPage(id: string, lang: Lang): string | undefined {
  try {
    return readFileSync(join(docsDir(), 'rules', pagePath(id, lang)), 'utf8');
  } catch {
    return undefined;
  }
}
