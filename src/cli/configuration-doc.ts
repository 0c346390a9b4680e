import { FILE_CATALOG, FILE_CATALOG_DEFAULTS } from '../state/file-catalog.js';
import { GLOBAL_OPTIONS, type GlobalOption } from './global-options.js';

/** The guide whose tables of global options and files are generated (npm run docs:options rewrites them; a unit test compares). */
export const CONFIGURATION_DOC = 'docs/configuration.md';

/** A generated table sits between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export interface GeneratedSection {
  name: string;
  table: () => string;
}

export const GENERATED_SECTIONS: readonly GeneratedSection[] = [
  { name: 'global-options', table: globalOptionsTable },
  { name: 'files', table: filesTable },
];

export const sectionStart = (name: string) => `<!-- ${name}:start -->`;
export const sectionEnd = (name: string) => `<!-- ${name}:end -->`;

const code = (text: string) => `\`${text}\``;
/** A table cell: `|` would end it and `<user-id>` would read as an HTML tag. */
const cell = (text: string) => text.replace(/[|<]/g, '\\$&');

/** The Markdown table of the global options: flag, variables in priority order, meaning. */
export function globalOptionsTable(): string {
  const lines = ['| flag | variables (first set wins) | meaning |', '|---|---|---|'];
  for (const row of GLOBAL_OPTIONS as readonly GlobalOption[]) {
    const meaning = [cell(row.help)];
    if (row.choices) meaning.push(`one of ${row.choices.map(code).join(', ')}`);
    if (row.default !== undefined) meaning.push(`default ${cell(row.default)}`);
    lines.push(`| ${code(row.flag)} | ${row.env.map(code).join(', ')} | ${meaning.join('; ')} |`);
  }
  return lines.join('\n');
}

/** The Markdown table of the files ucinder reads and keeps, and what the variables in their paths default to. */
export function filesTable(): string {
  const lines = ['| path | what |', '|---|---|'];
  for (const file of FILE_CATALOG) lines.push(`| ${file.path.split(', ').map(code).join(', ')} | ${cell(file.what)} |`);
  return `${lines.join('\n')}\n\n${FILE_CATALOG_DEFAULTS.replace(/(?:\$\w+|~)(?:\/[\w.]*\w)*|--[a-z-]+/g, code)}`;
}

/** The text between a section's markers, as the document has it. */
export function sectionText(doc: string, name: string): string {
  const start = doc.indexOf(sectionStart(name));
  const end = doc.indexOf(sectionEnd(name));
  if (start < 0 || end < start) throw new Error(`${CONFIGURATION_DOC} has no ${sectionStart(name)} … ${sectionEnd(name)} section`);
  return doc.slice(start + sectionStart(name).length, end);
}

/** The document with every generated table regenerated. */
export function withGeneratedTables(doc: string): string {
  let text = doc;
  for (const section of GENERATED_SECTIONS) {
    const old = sectionText(text, section.name);
    const at = text.indexOf(sectionStart(section.name)) + sectionStart(section.name).length;
    text = `${text.slice(0, at)}\n${section.table()}\n${text.slice(at + old.length)}`;
  }
  return text;
}
