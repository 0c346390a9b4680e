import { GLOBAL_OPTIONS, type GlobalOption } from './global-options.js';

/** The file whose table of global options is generated. */
export const OPTIONS_DOC = 'docs/configuration.md';
/** Its generated table sits between these (npm run docs:options rewrites it; a unit test compares). */
export const README_START = '<!-- global-options:start -->';
export const README_END = '<!-- global-options:end -->';

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

/** The README with the table between the markers regenerated. */
export function withGlobalOptionsTable(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`${OPTIONS_DOC} has no ${README_START} … ${README_END} section`);
  return `${readme.slice(0, start + README_START.length)}\n${globalOptionsTable()}\n${readme.slice(end)}`;
}
