/**
 * `--help` in German: commander's help is written in English in cli/main.ts; this table gives each
 * description its German text, and the help formatter swaps them (and commander's own headings)
 * when the CLI language is German. Keyed by the English text so cli/main.ts stays one readable
 * list; test/help-language.test.ts fails when a description has no German text.
 */
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import type { Lang } from '../strategy/index';

const DESCRIPTIONS_DE = new Map<string, string>([
  ["Lint, roadmaps and council reports for a digital strategy kept as code", "Prüfung, Roadmaps und Ratsvorlagen für eine Digitalstrategie als Code"],
  ["output the version number", "Versionsnummer ausgeben"],
  ["display help for command", "Hilfe zum Befehl anzeigen"],
  ["print stack traces of internal errors", "bei internen Fehlern den Stacktrace ausgeben"],
  ["check the strategy repository and report findings", "das Strategie-Repository prüfen und Befunde melden"],
  ["repository root (default: nearest folder with strategy.yaml)", "Wurzelordner des Repositorys (Standard: nächster Ordner mit strategy.yaml)"],
  ["files larger than this are reported, not read (bytes, or with K or M; default 2M)", "größere Dateien werden gemeldet, nicht gelesen (Bytes, oder mit K oder M; Standard 2M)"],
  ["output format", "Ausgabeformat"],
  ["date for date-based rules (YYYY-MM-DD, default: today)", "Stichtag für datumsabhängige Regeln (JJJJ-MM-TT, Standard: heute)"],
  ["override a rule severity (repeatable)", "Schweregrad einer Regel festlegen (wiederholbar)"],
  ["fail when there are more warnings than this", "mit Fehler enden, wenn es mehr Warnungen als diese Zahl gibt"],
  ["report errors only", "nur Fehler melden"],
  ["write the report to a file instead of stdout", "Bericht in eine Datei schreiben statt auf die Standardausgabe"],
  ["message language", "Sprache der Meldungen"],
  ["apply the safe fixes to the files, then report what remains", "sichere Korrekturen in die Dateien schreiben, dann melden, was bleibt"],
  ["show the safe fixes as a unified diff; change no file", "sichere Korrekturen als Unified Diff zeigen; keine Datei ändern"],
  ["render the roadmap as a Mermaid diagram", "die Roadmap als Mermaid-Diagramm ausgeben"],
  ["diagram type", "Diagrammart"],
  ["sections (gantt) or subgraphs (dependencies) by", "Abschnitte (Gantt) oder Gruppen (Abhängigkeiten) nach"],
  ["only AI initiatives", "nur KI-Anwendungen"],
  ["start of the period to show (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)", "Beginn des gezeigten Zeitraums (JJJJ, JJJJ-Qn, JJJJ-MM oder JJJJ-MM-TT)"],
  ["end of the period to show (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)", "Ende des gezeigten Zeitraums (JJJJ, JJJJ-Qn, JJJJ-MM oder JJJJ-MM-TT)"],
  ["today marker and overdue styling (YYYY-MM-DD, default: today)", "Heute-Linie und Markierung des Verzugs (JJJJ-MM-TT, Standard: heute)"],
  ["write to a file: .mmd, .md, .html, .svg or .png", "in eine Datei schreiben: .mmd, .md, .html, .svg oder .png"],
  ["rewrite the region between <!-- roadmap:start --> and <!-- roadmap:end --> of a Markdown file", "den Bereich zwischen <!-- roadmap:start --> und <!-- roadmap:end --> einer Markdown-Datei neu schreiben"],
  ["highlight the critical path to the end of the horizon, or to a measure or MEASURE/milestone", "den kritischen Pfad zum Ende des Zeithorizonts hervorheben, oder zu einer Maßnahme oder MASSNAHME/Meilenstein"],
  ["gantt: show the bars at an earlier state (tag, commit or date YYYY-MM-DD) beside the current ones", "Gantt: die Balken eines früheren Stands (Tag, Commit oder Datum JJJJ-MM-TT) neben den heutigen zeigen"],
  ["language of labels", "Sprache der Beschriftungen"],
  ["generate a report: council (default), inventory, funding or compliance", "einen Bericht erstellen: council (Ratsvorlage, Standard), inventory, funding oder compliance"],
  ["output format (default: from the --output extension, else md)", "Ausgabeformat (Standard: nach der Endung von --output, sonst md)"],
  ["report language", "Sprache des Berichts"],
  ["reporting date (YYYY-MM-DD, default: today)", "Berichtsstichtag (JJJJ-MM-TT, Standard: heute)"],
  ["write to a file instead of stdout", "in eine Datei schreiben statt auf die Standardausgabe"],
  ["council report: answer the questions of this inquiry file (default: the five standard questions)", "Ratsvorlage: die Fragen dieser Anfrage-Datei beantworten (Standard: die fünf Standardfragen)"],
  ["council report: add what changed since this state (tag, commit or date YYYY-MM-DD)", "Ratsvorlage: die Änderungen seit diesem Stand ergänzen (Tag, Commit oder Datum JJJJ-MM-TT)"],
  ["exit 1 when the data have errors (the report is written and marks them)", "mit 1 enden, wenn die Daten Fehler haben (der Bericht wird geschrieben und weist sie aus)"],
  ["council | inventory | funding | compliance", "council | inventory | funding | compliance"],
  ["critical path and slack per measure and milestone; what moves if a measure slips", "kritischer Pfad und Puffer je Maßnahme und Meilenstein; was sich verschiebt, wenn eine Maßnahme sich verzögert"],
  ["measure (its end) or MEASURE/milestone to plan towards (default: the end of the horizon)", "Maßnahme (ihr Ende) oder MASSNAHME/Meilenstein als Ziel der Planung (Standard: das Ende des Zeithorizonts)"],
  ["show what moves if this measure slips by this many days", "zeigen, was sich verschiebt, wenn diese Maßnahme sich um so viele Tage verzögert"],
  ["as-of date (YYYY-MM-DD, default: today)", "Stichtag (JJJJ-MM-TT, Standard: heute)"],
  ["language", "Sprache"],
  ["funding deadlines, milestones and funding dates as an iCalendar file (.ics)", "Förderfristen, Meilensteine und Fördertermine als iCalendar-Datei (.ics)"],
  ["write to a .ics file instead of stdout", "in eine .ics-Datei schreiben statt auf die Standardausgabe"],
  ["only dates on or after this one (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)", "nur Termine ab diesem (JJJJ, JJJJ-Qn, JJJJ-MM oder JJJJ-MM-TT)"],
  ["reminders, days before each date, comma-separated (default: calendar.alarms in strategy.yaml, else 60,30; \"\" for none)", "Erinnerungen, Tage vor jedem Termin, durch Kommas getrennt (Standard: calendar.alarms in strategy.yaml, sonst 60,30; \"\" für keine)"],
  ["the day the calendar is made (DTSTAMP; YYYY-MM-DD, default: today)", "der Tag, an dem der Kalender erstellt wird (DTSTAMP; JJJJ-MM-TT, Standard: heute)"],
  ["what changed since an earlier state: a tag, a commit or a date (read from git history)", "was sich seit einem früheren Stand geändert hat: ein Tag, ein Commit oder ein Datum (aus der Git-Historie gelesen)"],
  ["the earlier state: tag, branch, commit, or a date YYYY-MM-DD (the last commit before it)", "der frühere Stand: Tag, Branch, Commit oder ein Datum JJJJ-MM-TT (der letzte Commit davor)"],
  ["the later state (default: the files as they are now)", "der spätere Stand (Standard: die Dateien, wie sie jetzt sind)"],
  ["as-of date of the current files (YYYY-MM-DD, default: today)", "Stichtag der aktuellen Dateien (JJJJ-MM-TT, Standard: heute)"],
  ["export the resolved model as JSON or CSV, or the register (algoritmeregister, eu-database)", "das aufgelöste Modell als JSON oder CSV exportieren, oder das Register (algoritmeregister, eu-database)"],
  ["date for finding counts (YYYY-MM-DD, default: today)", "Stichtag für die Zahl der Befunde (JJJJ-MM-TT, Standard: heute)"],
  ["language of the CSV header (default: the strategy language)", "Sprache der CSV-Kopfzeile (Standard: die Sprache der Strategie)"],
  ["publish the AI/algorithm register as a static website (German and English)", "das KI- und Algorithmenregister als statische Website veröffentlichen (Deutsch und Englisch)"],
  ["folder for the website (new, empty, or made by an earlier run)", "Ordner für die Website (neu, leer oder von einem früheren Lauf erstellt)"],
  ["the date of the data shown (YYYY-MM-DD, default: today)", "Datenstand der gezeigten Angaben (JJJJ-MM-TT, Standard: heute)"],
  ["language of the messages (the website is always German and English)", "Sprache der Meldungen (die Website ist immer deutsch und englisch)"],
  ["turn records of a public algorithm register into measure files", "Einträge eines öffentlichen Algorithmenregisters in Maßnahmendateien umwandeln"],
  ["an existing repository, or a new folder that becomes a register repository (default: the current repository)", "ein bestehendes Repository oder ein neuer Ordner, der ein Register-Repository wird (Standard: das aktuelle Repository)"],
  ["the records file may be at most this large (bytes, or with K or M; default 20M)", "höchstens so groß darf die Datei mit den Einträgen sein (Bytes, oder mit K oder M; Standard 20M)"],
  ["language of the messages", "Sprache der Meldungen"],
  ["algoritmeregister", "algoritmeregister"],
  ["JSON file with the records (standards 0.1 to 1.0)", "JSON-Datei mit den Einträgen (Standards 0.1 bis 1.0)"],
  ["create a new strategy repository (never overwrites)", "ein neues Strategie-Repository anlegen (überschreibt nie)"],
  ["language of the new repository", "Sprache des neuen Repositorys"],
  ["target folder", "Zielordner"],
  ["create a new element from a template", "ein neues Element aus einer Vorlage anlegen"],
  ["measure id (default: derived from the title)", "Kennung der Maßnahme (Standard: aus dem Titel abgeleitet)"],
  ["measure title", "Titel der Maßnahme"],
  ["field of action id", "Kennung des Handlungsfelds"],
  ["include the AI initiative block", "den Block für KI-Anwendungen aufnehmen"],
  ["measure", "Maßnahme"],
  ["list all rules", "alle Regeln auflisten"],
  ["show a rule's documentation", "die Dokumentation einer Regel zeigen"],
  ["rule id", "Kennung der Regel"],
]);

/** Commander's headings and the words of its "(choices: …, default: …)" suffix. */
const TITLES_DE: Readonly<Record<string, string>> = {
  'Usage:': 'Aufruf:',
  'Options:': 'Optionen:',
  'Global Options:': 'Globale Optionen:',
  'Commands:': 'Befehle:',
  'Arguments:': 'Argumente:',
};

const germanSuffix = (text: string) => text.replace(/\((?:choices|default): .*\)$/, (suffix) => suffix.replace('(choices: ', '(Auswahl: ').replace(/(\(|, )default: /, '$1Standard: '));

/** The German text of an English description (the English one when the table has none). */
export function germanDescription(english: string): string {
  return DESCRIPTIONS_DE.get(english) ?? english;
}

const translated = (full: string, english: string) => germanSuffix(english && full.startsWith(english) ? germanDescription(english) + full.slice(english.length) : full);

/** Help settings for the CLI language: commander's defaults for English. */
export function helpInLanguage(lang: Lang): HelpConfiguration {
  if (lang !== 'de') return {};
  const base = Help.prototype;
  return {
    styleTitle: (title: string) => TITLES_DE[title] ?? title,
    commandDescription: (cmd: Command) => germanDescription(cmd.description()),
    subcommandDescription: (cmd: Command) => germanDescription(cmd.summary() || cmd.description()),
    optionDescription(this: Help, option: Option) {
      return translated(base.optionDescription.call(this, option), option.description ?? '');
    },
    argumentDescription(this: Help, argument: Argument) {
      return translated(base.argumentDescription.call(this, argument), argument.description ?? '');
    },
  };
}
