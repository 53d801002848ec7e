/**
 * Fills `{{name}}` placeholders in a template. The caller escapes each value for where it goes
 * (YAML, Markdown); values of the init templates are generated, never user text. A placeholder
 * alone on its line that is filled with nothing removes the line. An unknown placeholder is a
 * bug in the template and throws.
 */
export function renderTemplate(template: string, values: Record<string, string>): string {
  const value = (name: string) => {
    if (!(name in values)) throw new Error(`template placeholder {{${name}}} has no value`);
    return values[name];
  };
  return template
    .replace(/^[ \t]*\{\{(\w+)\}\}[ \t]*(\r?\n|$)/gm, (_m, name: string, eol: string) => {
      const v = value(name);
      return v === '' ? '' : v.endsWith('\n') ? v : v + eol;
    })
    .replace(/\{\{(\w+)\}\}/g, (_m, name: string) => value(name));
}

