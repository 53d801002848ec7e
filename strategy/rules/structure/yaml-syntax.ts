import type { ErrorCode } from 'yaml';
import type { Rule } from '../rule';

/**
 * The yaml package's error codes in German: its messages are English only. A German finding says
 * what the code means; an English one keeps the parser's own, more detailed first line.
 */
export const YAML_ERROR_DE: Readonly<Record<ErrorCode | 'TO_JS', string>> = {
  ALIAS_PROPS: 'ein Alias (*name) darf keinen Anker und kein Tag tragen',
  BAD_ALIAS: 'der Alias verweist auf keinen Anker (&name)',
  BAD_DIRECTIVE: 'ungültige YAML-Direktive (Zeile, die mit „%“ beginnt)',
  BAD_DQ_ESCAPE: 'ungültige Escape-Sequenz („\\…“) in doppelten Anführungszeichen',
  BAD_INDENT: 'falsche Einrückung: Einträge derselben Ebene gleich weit einrücken',
  BAD_PROP_ORDER: 'Anker (&) und Tag (!) stehen an der falschen Stelle',
  BAD_SCALAR_START: 'ein Wert darf nicht mit diesem Zeichen beginnen (etwa @ oder `): den Wert in Anführungszeichen setzen',
  BLOCK_AS_IMPLICIT_KEY: 'hier wird ein Schlüssel erwartet (fehlt ein „:“, oder ist die Einrückung falsch?)',
  BLOCK_IN_FLOW: 'eine eingerückte Struktur innerhalb von [ ] oder { }',
  IMPOSSIBLE: 'die Datei kann nicht als YAML gelesen werden',
  KEY_OVER_1024_CHARS: 'ein Schlüssel ist länger als 1024 Zeichen',
  MISSING_CHAR: 'ein Zeichen fehlt (schließendes Anführungszeichen, Klammer, „:“ oder Komma)',
  DUPLICATE_KEY: 'doppelter Schlüssel',
  MULTILINE_IMPLICIT_KEY: 'ein Schlüssel muss in einer Zeile stehen (fehlt ein „:“ in der Zeile davor?)',
  MULTIPLE_ANCHORS: 'mehr als ein Anker (&) an derselben Stelle',
  MULTIPLE_DOCS: 'mehrere YAML-Dokumente in einer Datei: nur eines ist erlaubt (das zweite „---“ entfernen)',
  MULTIPLE_TAGS: 'mehr als ein Tag (!) an derselben Stelle',
  NON_STRING_KEY: 'ein Schlüssel muss ein einfacher Text sein',
  RESOURCE_EXHAUSTION: 'die Datei ist zu tief verschachtelt',
  TAB_AS_INDENT: 'Tabulator in der Einrückung: YAML erlaubt nur Leerzeichen',
  TAG_RESOLVE_FAILED: 'unbekanntes Tag (!…)',
  UNEXPECTED_TOKEN: 'unerwartetes Zeichen an dieser Stelle',
  BAD_COLLECTION_TYPE: 'das Tag passt nicht zur Art der Struktur',
  TO_JS: 'die Datei kann nicht ausgewertet werden',
};
/** For a code the table does not know (a newer yaml version): still German, with the code. */
export const YAML_ERROR_DE_UNKNOWN = 'Fehler {code} des YAML-Parsers';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  category: 'structure',
  defaultSeverity: 'error',
  scope: 'parse',
  description: {
    de: 'Datei kann nicht gelesen werden: YAML-Syntaxfehler, doppelte Schlüssel, Alias-Bomben, ungültiges UTF-8, zu große Dateien.',
    en: 'File cannot be read: YAML syntax errors, duplicate keys, alias bombs, invalid UTF-8, oversized files.',
  },
  messages: {
    syntax: { de: 'YAML-Syntaxfehler: {detail}', en: 'YAML syntax error: {detail}' },
    duplicateKey: { de: 'Doppelter Schlüssel „{key}“: der spätere Wert überschreibt den früheren', en: 'Duplicate key "{key}": the later value overrides the earlier one' },
    tab: { de: 'Tabulator in der Einrückung: YAML erlaubt nur Leerzeichen, mit Leerzeichen einrücken', en: 'Tab in indentation: YAML allows spaces only, indent with spaces' },
    colon: { de: 'Der Wert von „{key}“ enthält einen Doppelpunkt, den YAML als neue Zuordnung liest: den Wert in Anführungszeichen setzen, also {suggestion}', en: 'The value of "{key}" contains a colon that YAML reads as a nested mapping: put the value in quotes, i.e. {suggestion}' },
    fixQuote: { de: 'Wert in Anführungszeichen setzen', en: 'Put the value in quotes' },
    fixIndent: { de: 'Mit Leerzeichen einrücken', en: 'Indent with spaces' },
    aliases: { de: 'Zu viele YAML-Aliase (mehr als {max}): Datei wird nicht ausgewertet (Schutz vor „Alias-Bomben“)', en: 'Too many YAML aliases (more than {max}): file not evaluated (protection against alias bombs)' },
    expansion: { de: 'YAML-Aliase vervielfachen diese Datei auf mehr als {max} Werte: Datei wird nicht ausgewertet (Schutz vor „Alias-Bomben“)', en: 'YAML aliases expand this file to more than {max} values: file not evaluated (protection against alias bombs)' },
    tokens: { de: 'Datei hat zu viele YAML-Elemente (mehr als {max}): nicht ausgewertet', en: 'File has too many YAML elements (more than {max}): not evaluated' },
    depth: { de: 'Zu tief verschachtelt (mehr als {max} Ebenen): Datei wird nicht ausgewertet', en: 'Nested too deeply (more than {max} levels): file not evaluated' },
    encoding: { de: 'Kein gültiges UTF-8 (Byte {byte}): bitte als UTF-8 speichern', en: 'Not valid UTF-8 (byte {byte}): save the file as UTF-8' },
    tooLarge: { de: 'Datei ist zu groß ({size} Bytes, Grenze {max}): nicht ausgewertet', en: 'File too large ({size} bytes, limit {max}): not evaluated' },
    binary: { de: 'Datei enthält NUL-Bytes (Binärdatei?): nicht ausgewertet', en: 'File contains NUL bytes (binary?): not evaluated' },
    empty: { de: 'Datei ist leer', en: 'File is empty' },
    unreadable: { de: 'Datei kann nicht gelesen werden: {code}', en: 'Cannot read file: {code}' },
    more: { de: '{count} weitere YAML-Fehler in dieser Datei nicht gezeigt: zuerst die obigen beheben', en: '{count} more YAML errors in this file not shown: fix the ones above first' },
    frontMatterUnclosed: { de: 'Front Matter wird nicht mit „---“ geschlossen', en: 'Front matter is not closed with "---"' },
  },
};
