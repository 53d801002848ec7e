export { renderTemplate } from '../../strategy/templates/render';

/** Template files end in `.tmpl`; a leading `dot-` stands for `.` (npm drops some dot files from packages). */
export function outputName(templatePath: string): string {
  return templatePath
    .replace(/\.tmpl$/, '')
    .split('/')
    .map((part) => (part.startsWith('dot-') ? '.' + part.slice(4) : part))
    .join('/');
}
