import { Command, CommanderError, Option } from 'commander';
import { isMessageError } from '../strategy/index';
import { safeLine } from './ci-safe';
import { collect, parseCount, parseSize } from './options';
import { cliLang } from './lang';
import { commanderMessage } from './commander-errors';
import { helpInLanguage } from './help-language';

const debug = process.argv.includes('--debug');

/** Commander's codes for output that is no error (help, version). */
const NOT_ERRORS = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** Prints one clear line in the user's language (the stack only with --debug) and sets exit code 2. */
function fail(e: unknown): void {
  if (e instanceof CommanderError) {
    if (e.exitCode === 0 || NOT_ERRORS.has(e.code)) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`strategy: ${commanderMessage(e, cliLang())}\n`);
    process.exitCode = 2;
    return;
  }
  const msg = isMessageError(e) ? e.text(cliLang()) : e instanceof Error ? e.message : String(e);
  const io = (e as NodeJS.ErrnoException)?.code && (e as NodeJS.ErrnoException).path ? ` (${(e as NodeJS.ErrnoException).path})` : '';
  // The message may quote the repository (a marker line, a glob): one printable, bounded line.
  process.stderr.write(`${safeLine(`strategy: ${msg.split('\n')[0]}${io && !msg.includes((e as NodeJS.ErrnoException).path!) ? io : ''}`)}\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
  process.exitCode = 2;
}

function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void>) {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? 0;
    } catch (e) {
      fail(e);
    }
  };
}

export function buildProgram(): Command {
  const program = new Command('strategy')
    // Before any subcommand: commander copies help settings into the commands made after it.
    .configureHelp(helpInLanguage(cliLang()))
    .description('Lint, roadmaps and council reports for a digital strategy kept as code')
    .version('0.1.0')
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => undefined }) // errors are printed by fail(), translated
    .showSuggestionAfterError(true);

  program
    .command('lint')
    .description('check the strategy repository and report findings')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--max-file-size <size>', 'files larger than this are reported, not read (bytes, or with K or M; default 2M)', parseSize)
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'junit', 'github', 'codequality']).default('stylish'))
    .option('--as-of <date>', 'date for date-based rules (YYYY-MM-DD, default: today)')
    .option('--rule <id=severity>', 'override a rule severity (repeatable)', collect)
    .option('--max-warnings <n>', 'fail when there are more warnings than this', parseCount('--max-warnings'))
    .option('--quiet', 'report errors only')
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'message language').choices(['de', 'en']))
    .option('--fix', 'apply the safe fixes to the files, then report what remains')
    .option('--fix-dry-run', 'show the safe fixes as a unified diff; change no file')
    .action(action(async (opts) => (await import('./commands/lint')).runLint(opts)));

  // --- roadmap (issue 3) ---
  program
    .command('roadmap')
    .description('render the roadmap as a Mermaid diagram')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--max-file-size <size>', 'files larger than this are reported, not read (bytes, or with K or M; default 2M)', parseSize)
    .addOption(new Option('--type <type>', 'diagram type').choices(['gantt', 'dependencies', 'timeline']).default('gantt'))
    .addOption(new Option('--group <by>', 'sections (gantt) or subgraphs (dependencies) by').choices(['field', 'owner', 'status']).default('field'))
    .option('--ai-only', 'only AI initiatives')
    .option('--from <date>', 'start of the period to show (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'end of the period to show (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)')
    .option('--as-of <date>', 'today marker and overdue styling (YYYY-MM-DD, default: today)')
    .option('--output <file>', 'write to a file: .mmd, .md, .html, .svg or .png')
    .option('--update <file>', 'rewrite the region between <!-- roadmap:start --> and <!-- roadmap:end --> of a Markdown file')
    .option('--critical-path [target]', 'highlight the critical path to the end of the horizon, or to a measure or MEASURE/milestone')
    .option('--baseline <ref>', 'gantt: show the bars at an earlier state (tag, commit or date YYYY-MM-DD) beside the current ones')
    .addOption(new Option('--lang <lang>', 'language of labels').choices(['de', 'en']))
    .action(action(async (opts) => (await import('./commands/roadmap')).runRoadmap(opts)));

  // --- report (issue 4) ---
  program
    .command('report')
    .description('generate a report: council (default), inventory, funding or compliance')
    .argument('[kind]', 'council | inventory | funding | compliance', 'council')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--max-file-size <size>', 'files larger than this are reported, not read (bytes, or with K or M; default 2M)', parseSize)
    .addOption(new Option('--format <format>', 'output format (default: from the --output extension, else md)').choices(['md', 'html', 'pdf', 'docx']))
    .addOption(new Option('--lang <lang>', 'report language').choices(['de', 'en']))
    .option('--as-of <date>', 'reporting date (YYYY-MM-DD, default: today)')
    .option('--output <file>', 'write to a file instead of stdout')
    .option('--inquiry <file>', 'council report: answer the questions of this inquiry file (default: the five standard questions)')
    .option('--since <ref>', 'council report: add what changed since this state (tag, commit or date YYYY-MM-DD)')
    .option('--strict', 'exit 1 when the data have errors (the report is written and marks them)')
    .action(action(async (kind, opts) => (await import('./commands/report')).runReport(kind, opts)));

  // --- plan, calendar, diff (issue 17) ---
  program
    .command('plan')
    .description('critical path and slack per measure and milestone; what moves if a measure slips')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--max-file-size <size>', 'files larger than this are reported, not read (bytes, or with K or M; default 2M)', parseSize)
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'markdown']).default('stylish'))
    .option('--target <ref>', 'measure (its end) or MEASURE/milestone to plan towards (default: the end of the horizon)')
    .option('--slip <id=days>', 'show what moves if this measure slips by this many days')
    .option('--as-of <date>', 'as-of date (YYYY-MM-DD, default: today)')
    .option('--output <file>', 'write to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'language').choices(['de', 'en']))
    .action(action(async (opts) => (await import('./commands/plan')).runPlan(opts)));

  program
    .command('calendar')
    .description('funding deadlines, milestones and funding dates as an iCalendar file (.ics)')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--max-file-size <size>', 'files larger than this are reported, not read (bytes, or with K or M; default 2M)', parseSize)
    .option('--output <file>', 'write to a .ics file instead of stdout')
    .option('--from <date>', 'only dates on or after this one (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)')
    .option('--alarms <days>', 'reminders, days before each date, comma-separated (default: calendar.alarms in strategy.yaml, else 60,30; "" for none)')
    .option('--as-of <date>', 'the day the calendar is made (DTSTAMP; YYYY-MM-DD, default: today)')
    .addOption(new Option('--lang <lang>', 'language').choices(['de', 'en']))
    .action(action(async (opts) => (await import('./commands/calendar')).runCalendar(opts)));

  program
    .command('diff')
    .description('what changed since an earlier state: a tag, a commit or a date (read from git history)')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--max-file-size <size>', 'files larger than this are reported, not read (bytes, or with K or M; default 2M)', parseSize)
    .requiredOption('--since <ref>', 'the earlier state: tag, branch, commit, or a date YYYY-MM-DD (the last commit before it)')
    .option('--until <ref>', 'the later state (default: the files as they are now)')
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'markdown']).default('stylish'))
    .option('--as-of <date>', 'as-of date of the current files (YYYY-MM-DD, default: today)')
    .option('--output <file>', 'write to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'language').choices(['de', 'en']))
    .action(action(async (opts) => (await import('./commands/diff')).runDiff(opts)));

  // --- export, init, new, rules, explain (issue 5) ---
  program
    .command('export')
    .description('export the resolved model as JSON or CSV, or the register (algoritmeregister, eu-database)')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--max-file-size <size>', 'files larger than this are reported, not read (bytes, or with K or M; default 2M)', parseSize)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'algoritmeregister', 'eu-database']).default('json'))
    .option('--as-of <date>', 'date for finding counts (YYYY-MM-DD, default: today)')
    .option('--output <file>', 'write to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of the CSV header (default: the strategy language)').choices(['de', 'en']))
    .action(action(async (opts) => (await import('./commands/export')).runExport(opts)));

  program
    .command('register')
    .description('publish the AI/algorithm register as a static website (German and English)')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--max-file-size <size>', 'files larger than this are reported, not read (bytes, or with K or M; default 2M)', parseSize)
    .option('--output <dir>', 'folder for the website (new, empty, or made by an earlier run)')
    .option('--as-of <date>', 'the date of the data shown (YYYY-MM-DD, default: today)')
    .addOption(new Option('--lang <lang>', 'language of the messages (the website is always German and English)').choices(['de', 'en']))
    .action(action(async (opts) => (await import('./commands/register')).runRegister(opts)));

  program
    .command('import')
    .description('turn records of a public algorithm register into measure files')
    .argument('<format>', 'algoritmeregister')
    .argument('<file>', 'JSON file with the records (standards 0.1 to 1.0)')
    .option('--into <dir>', 'an existing repository, or a new folder that becomes a register repository (default: the current repository)')
    .option('--max-file-size <size>', 'the records file may be at most this large (bytes, or with K or M; default 20M)', parseSize)
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['de', 'en']))
    .action(action(async (format, file, opts) => (await import('./commands/import')).runImport(format, file, opts)));

  program
    .command('init')
    .description('create a new strategy repository (never overwrites)')
    .argument('[dir]', 'target folder', '.')
    .addOption(new Option('--lang <lang>', 'language of the new repository').choices(['de', 'en']))
    .action(action(async (dir, opts) => (await import('./commands/init')).runInit(dir, opts)));

  program
    .command('new')
    .description('create a new element from a template')
    .argument('<what>', 'measure')
    .option('--root <dir>', 'repository root (default: nearest folder with strategy.yaml)')
    .option('--id <id>', 'measure id (default: derived from the title)')
    .option('--title <title>', 'measure title')
    .option('--field <field>', 'field of action id')
    .option('--ai', 'include the AI initiative block')
    .action(action(async (what, opts) => (await import('./commands/new')).runNew(what, opts)));

  program
    .command('rules')
    .description('list all rules')
    .addOption(new Option('--lang <lang>', 'language').choices(['de', 'en']))
    .action(action(async (opts) => (await import('./commands/rules')).runRules(opts)));

  program
    .command('explain')
    .description("show a rule's documentation")
    .argument('<rule>', 'rule id')
    .addOption(new Option('--lang <lang>', 'language').choices(['de', 'en']))
    .action(action(async (rule, opts) => (await import('./commands/explain')).runExplain(rule, opts)));

  return program;
}

async function main(): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    fail(e);
  }
}

// A reader that stops early (`strategy export | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(e);
});

process.on('uncaughtException', (e) => {
  fail(e);
  process.exit(2);
});

void main();
