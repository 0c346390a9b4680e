import type { Command } from 'commander';

/** A block of text after a command's options in --help ("Examples:"), kept as data so its man page shows the same. */
export interface HelpSection {
  heading: string;
  lines: readonly string[];
}

export const EXAMPLES_HEADING = 'Examples';

const SECTIONS = new WeakMap<Command, HelpSection[]>();

/** Appends a section to the command's --help and records it for the man pages (cli/man/). */
export function addHelpSection(command: Command, heading: string, lines: readonly string[]): void {
  if (!lines.length) return;
  const sections = SECTIONS.get(command) ?? [];
  sections.push({ heading, lines });
  SECTIONS.set(command, sections);
  command.addHelpText('after', `\n${heading}:\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
}

/** Command lines, shown as `$ ucinder …`. */
export function addExamples(command: Command, examples: readonly string[]): void {
  addHelpSection(
    command,
    EXAMPLES_HEADING,
    examples.map((line) => `$ ${line}`),
  );
}

export function helpSectionsOf(command: Command): readonly HelpSection[] {
  return SECTIONS.get(command) ?? [];
}
