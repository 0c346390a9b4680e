/**
 * The shell's own words and keys, declared once: `ucinder shell --help` (and
 * its man page), the `help` typed at the prompt, `help use` and TAB read them.
 */
interface ShellBuiltin {
  /** The words that run it: the first is its name. */
  words: readonly string[];
  /** How it is typed, as `help WORD` shows it. */
  usage: string;
  summary: string;
  /** What the listings show: each form and what it does. */
  rows: readonly (readonly [form: string, meaning: string])[];
  /** What `help WORD` adds below the usage line. */
  details: readonly string[];
}

const SHELL_BUILTINS: readonly ShellBuiltin[] = [
  {
    words: ['use'],
    usage: 'use cloud NAME | use project NAME|ID',
    summary: 'switch cloud, or project with the same credentials',
    rows: [
      ['use cloud NAME', 'switch to a cloud of clouds.yaml'],
      ['use project NAME|ID', 'switch project, same credentials (noauth: an ID)'],
    ],
    details: [
      'use cloud NAME        later lines go to that entry of clouds.yaml;',
      '                      an unknown cloud changes nothing',
      'use project NAME|ID   the same credentials scoped to another project;',
      '                      Keystone resolves a name, noauth takes an ID (its',
      '                      token and a /v3/<project> endpoint follow)',
    ],
  },
  {
    words: ['help'],
    usage: 'help [COMMAND...]',
    summary: 'this list; help on a command: help volume create',
    rows: [['help [COMMAND...]', 'this list; help on a command: help volume create']],
    details: ["help                  the shell's words and the command groups", 'help COMMAND...       what ucinder help COMMAND... prints'],
  },
  {
    words: ['clear'],
    usage: 'clear',
    summary: 'clear the screen (Ctrl-L too)',
    rows: [['clear', 'clear the screen (Ctrl-L too)']],
    details: [],
  },
  {
    words: ['exit', 'quit'],
    usage: 'exit, quit',
    summary: 'leave the shell (Ctrl-D too)',
    rows: [['exit, quit', 'leave the shell (Ctrl-D too)']],
    details: ['exit, quit, Ctrl-D    leave; in batch mode, later lines are not run'],
  },
];

/** The keys the prompt understands beyond plain editing. */
const SHELL_KEYS: readonly (readonly [key: string, meaning: string])[] = [
  ['TAB', 'completes commands, flags, values, columns, names'],
  ['Up, Down', 'walk the history (lines with secrets are left out)'],
  ['Ctrl-R', 'searches the history back (again: older; Enter runs, Esc edits, Ctrl-G cancels)'],
  ['Ctrl-C', 'stops the running command, or clears the line'],
];

/** Every word the shell answers itself, for TAB at the start of a line. */
export const SHELL_BUILTIN_WORDS: readonly string[] = SHELL_BUILTINS.flatMap((builtin) => builtin.words);

export function findBuiltin(word: string): ShellBuiltin | undefined {
  return SHELL_BUILTINS.find((builtin) => builtin.words.includes(word));
}

const USAGE_WIDTH = 22;

/** `left`, then `right` at the same column on every row (the man pages read the two columns apart). */
function row(left: string, right: string, indent = ''): string {
  return `${indent}${left.padEnd(USAGE_WIDTH)}${right}`;
}

const ALL_ROWS = [...SHELL_BUILTINS.flatMap((builtin) => builtin.rows), ...SHELL_KEYS];

/** "At the prompt" of `ucinder shell --help`: the words, then the keys. */
export function atThePromptLines(): string[] {
  return ALL_ROWS.map(([left, right]) => row(left, right));
}

/** A command group of the tree, as the shell's `help` lists it. */
export interface CommandGroup {
  name: string;
  summary: string;
}

/** What `help` alone prints at the prompt: the shell's words and keys, then the command groups, one line each. */
export function shellHelpText(groups: readonly CommandGroup[]): string {
  const width = Math.max(...groups.map((group) => group.name.length)) + 2;
  return [
    'Shell commands:',
    ...SHELL_BUILTINS.flatMap((builtin) => builtin.rows.map(([form, meaning]) => row(form, meaning, '  '))),
    '',
    'Keys:',
    ...SHELL_KEYS.map(([key, meaning]) => row(key, meaning, '  ')),
    '',
    'Command groups (help GROUP lists its commands; any ucinder command runs as typed, without "ucinder"):',
    ...groups.map((group) => `  ${group.name.padEnd(width)}${group.summary}`),
    '',
  ].join('\n');
}

/** What `help WORD` prints for one of the shell's own words. */
export function builtinHelpText(builtin: ShellBuiltin): string {
  return [`usage: ${builtin.usage}`, '', builtin.summary, ...(builtin.details.length ? ['', ...builtin.details] : []), ''].join('\n');
}
