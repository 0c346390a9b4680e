import { Help, type Argument, type Command, type Option } from 'commander';
import { FILE_CATALOG, FILE_CATALOG_DEFAULTS } from '../../state/file-catalog.js';
import { GLOBAL_OPTIONS, type GlobalOption } from '../global-options.js';
import { EXAMPLES_HEADING, helpSectionsOf, type HelpSection } from '../help-sections.js';
import { commandPath, globalOptionCount, globalOptionsSummary, realSubcommands } from '../help-layout.js';
import { commandMinimumMicroversion, optionMinimumMicroversion } from '../minimum-microversion.js';
import { RoffPage, bold, escape, italic, pageRef, term, wrapCommand } from './roff.js';

/**
 * The man pages, generated from the Commander tree that --help prints: ucinder(1)
 * (synopsis, the global options and their variables, files, exit status) and
 * one page per leaf command, ucinder-volume-create(1) and so on, with the
 * usage, options, arguments, examples and API microversion its --help shows.
 */
export interface ManPage {
  /** The page's name, and its file name without `.1`. */
  name: string;
  text: string;
}

interface ManualInfo {
  version: string;
  /** The date in the page footer, YYYY-MM-DD. */
  date: string;
}

const SECTION = 1;
const MANUAL = 'ucinder manual';
/** Text width for verbatim lines: 80 columns less man's indent (7) and the block's (4). */
const VERBATIM_WIDTH = 68;

/** ucinder's exit codes (main.ts), as ucinder(1) explains them. */
export const EXIT_STATUS: readonly { code: number; meaning: string }[] = [
  { code: 0, meaning: 'Success.' },
  {
    code: 1,
    meaning:
      "The API or the host failed: Cinder's message and request ID, or what failed locally, on one line. A bulk command (delete of several) exits 1 when any item failed, after trying them all.",
  },
  { code: 2, meaning: 'Bad usage: an unknown command or option, a missing or invalid argument. Found before any request is sent.' },
  { code: 130, meaning: 'Interrupted (Ctrl-C).' },
];

/** Variables read besides the global options' (those are listed with OPTIONS). */
const OTHER_VARIABLES: readonly { name: string; meaning: string }[] = [
  { name: 'OS_CLIENT_CONFIG_FILE', meaning: 'clouds.yaml to read instead of searching for it (see FILES).' },
  { name: 'OS_CLIENT_SECURE_FILE', meaning: 'secure.yaml to read instead of searching for it.' },
  { name: 'XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_STATE_HOME', meaning: 'where clouds.yaml, the caches and the state files are (see FILES).' },
  { name: 'UCINDER_STATE_DIR', meaning: 'the state directory (connection files, shell history); the attach commands take --state-dir too.' },
  { name: 'UCINDER_MANAGE_RUNNER, UCINDER_MANAGE_COMMAND', meaning: 'where and how service remove and cluster remove run cinder-manage (their --runner and --manage-command).' },
  { name: 'NO_COLOR', meaning: 'when set, no colour even on a terminal.' },
];

export function manPages(program: Command, info: ManualInfo): ManPage[] {
  const leaves = leafCommands(program);
  return [{ name: program.name(), text: rootPage(program, leaves, info) }, ...leaves.map((leaf) => ({ name: pageName(leaf), text: leafPage(leaf, info) }))];
}

/** Every command that runs something (no subcommands), in help order; hidden ones and Commander's `<noun> help` stay out. */
export function leafCommands(program: Command): Command[] {
  const subs = realSubcommands(program);
  return subs.flatMap((sub) => (realSubcommands(sub).length ? leafCommands(sub) : [sub]));
}

/** `ucinder volume create` → `ucinder-volume-create`. */
export function pageName(command: Command): string {
  return commandPath(command).join('-');
}

function rootPage(program: Command, leaves: Command[], info: ManualInfo): string {
  const help = new Help();
  const name = program.name();
  const page = new RoffPage(name, SECTION, info.date, `${name} ${info.version}`, MANUAL);
  page.section('name').lineBroken([`${escape(name)} \\- ${escape(program.description())}`]);
  page
    .section('synopsis')
    .lineBroken([
      `${bold(name)} [${italic('global options')}] ${italic('command')} [${italic('options')}] [${italic('arguments')}]`,
      `${bold(name)} [${italic('global options')}] ${bold('shell')}`,
      `${bold(name)} [${italic('global options')}] < ${italic('file')}`,
    ]);
  page.section('description');
  for (const text of [
    `${name} is an operator's command-line client for OpenStack Cinder (block storage) in the shape of the openstack client: ` +
      'the same command tree (the object, then the action: volume create, volume type list), the same flags, OS_* variables and clouds.yaml. ' +
      'It negotiates the API microversion with the server it meets, waits for asynchronous operations (--wait), ' +
      'and attaches volumes to the host it runs on (init-connect, connect, disconnect, term-connect).',
    'A command prints a table, or with -f json, yaml, value, csv or shell the formats of the openstack client; -c picks columns. ' +
      `On a terminal, ${name} alone opens an interactive shell; with standard input from a file or a pipe, it runs one command per line (batch mode).`,
  ]) {
    page.paragraph(escape(text));
  }
  page.paragraph(escape('A command that needs a newer Block Storage API microversion than 3.0, for itself or for an option, says so on its page (API MICROVERSION).'));
  page.paragraph(`${escape('Every command has --help and a page of its own: ')}${pageRef(`${name}-volume-create`)} for ${bold(`${name} volume create`)}.`);

  page.section('commands');
  for (const leaf of leaves) page.tagged(usageTerm(leaf, help), escape(leaf.summary() || leaf.description()));

  page.section('options');
  page.paragraph(
    escape(
      'These options, global to every command, may come before or after the command words. A flag wins over its variable, a variable over clouds.yaml; the first variable set wins.',
    ),
  );
  const rows = GLOBAL_OPTIONS as readonly GlobalOption[];
  for (const option of help.visibleOptions(program)) {
    const row = rows.find((candidate) => candidate.flag.split(' ')[0] === option.long);
    page.tagged(term(option.flags), row ? globalOptionText(row) : escape(help.optionDescription(option)));
  }

  page.section('environment');
  page.paragraph(
    escape(
      'Each global option reads the variables listed with it under OPTIONS when the flag is not given (an empty one counts as unset; a switch is turned on by 1, true, yes or on). Besides those:',
    ),
  );
  for (const variable of OTHER_VARIABLES) page.tagged(bold(variable.name), escape(variable.meaning));

  page.section('files');
  for (const file of FILE_CATALOG) page.tagged(file.path.split(', ').map(italic).join(', '), escape(file.what));
  page.paragraph(escape(`${FILE_CATALOG_DEFAULTS} Every file is written atomically; a corrupt cache file is ignored and rewritten.`));

  page.section('exit status');
  for (const status of EXIT_STATUS) page.tagged(bold(String(status.code)), escape(status.meaning));

  addHelpSections(page, program);

  page.section('see also');
  page.paragraph(leaves.map((leaf) => pageRef(pageName(leaf))).join(', '));
  page.paragraph(escape('The guides in the docs/ folder of the source: configuration, commands, operations, attach, output and scripts.'));
  return page.toString();
}

function globalOptionText(row: GlobalOption): string {
  const notes = [`${row.help}.`];
  if (row.choices) notes.push(`One of: ${row.choices.join(', ')}.`);
  if (row.default !== undefined) notes.push(`Default: ${row.default}.`);
  return `${escape(notes.join(' '))}\n.br\n${escape('Variables: ')}${row.env.map(bold).join(', ')}`;
}

function leafPage(leaf: Command, info: ManualInfo): string {
  const help = new Help();
  const words = commandPath(leaf);
  const name = pageName(leaf);
  const page = new RoffPage(name, SECTION, info.date, `${words[0]} ${info.version}`, MANUAL);
  const summary = leaf.summary() || leaf.description();
  page.section('name').lineBroken([`${escape(name)} \\- ${escape(summary)}`]);
  page.section('synopsis').lineBroken([usageTerm(leaf, help)]);

  page.section('description');
  page.paragraph(leaf.description().split('\n').map(escape).join('\n'));
  if (leaf.aliases().length)
    page.paragraph(
      `${escape('Also: ')}${leaf
        .aliases()
        .map((alias) => bold([...words.slice(0, -1), alias].join(' ')))
        .join(', ')}.`,
    );

  // All of them: Commander's help lists arguments only when one has a description.
  const args = leaf.registeredArguments;
  if (args.length) {
    page.section('arguments');
    for (const arg of args) {
      const text = help.argumentDescription(arg) || `${arg.required ? 'Required' : 'Optional'}${arg.variadic ? '; one or more' : ''}.`;
      page.tagged(italic(argumentUsage(arg)), escape(text));
    }
  }

  page.section('options');
  for (const option of help.visibleOptions(leaf)) page.tagged(term(option.flags), escape(help.optionDescription(option)));
  page.paragraph(`${escape(`The global options apply too (${globalOptionsSummary(globalOptionCount(leaf))})`)}: see ${pageRef(words[0]!)}.`);

  const notes = microversionNotes(leaf, help.visibleOptions(leaf));
  if (notes.length) page.section('api microversion');
  for (const text of notes) page.paragraph(text);

  addHelpSections(page, leaf);

  page.section('see also');
  const siblings = realSubcommands(leaf.parent!).filter((sibling) => sibling !== leaf && !realSubcommands(sibling).length);
  page.paragraph([pageRef(words[0]!), ...siblings.map((sibling) => pageRef(pageName(sibling)))].join(', '));
  return page.toString();
}

/** `<volume...>`, `[host]`: as the usage line shows an argument. */
function argumentUsage(arg: Argument): string {
  const name = `${arg.name()}${arg.variadic ? '...' : ''}`;
  return arg.required ? `<${name}>` : `[${name}]`;
}

/** `ucinder volume create [options] <name>`, the words bold and the placeholders italic. */
function usageTerm(command: Command, help: Help): string {
  const words = commandPath(command);
  const usage = help.commandUsage(command);
  const rest = usage.startsWith(`${words.join(' ')} `) ? usage.slice(words.join(' ').length + 1) : '';
  return rest ? `${bold(words.join(' '))} ${term(rest)}` : bold(words.join(' '));
}

/** What the API MICROVERSION section says; nothing when neither the command nor an option needs more than 3.0. */
function microversionNotes(command: Command, options: readonly Option[]): string[] {
  const needed = commandMinimumMicroversion(command);
  const optionNotes = options.flatMap((option) => {
    const version = optionMinimumMicroversion(option);
    return version && version !== needed ? [`${bold(option.long ?? option.flags)}${escape(` needs ${version} or later.`)}`] : [];
  });
  if (!needed && !optionNotes.length) return [];
  return [
    needed
      ? escape(`Needs Block Storage API microversion ${needed} or later. `) +
        escape('ucinder uses the newest version both it and the server speak (or the one pinned with ') +
        `${bold('--os-volume-api-version')}${escape('); an older one fails with a message that names both.')}`
      : escape('Works with any microversion of the Block Storage API v3 (3.0 and later), but for these options:'),
    ...optionNotes,
  ];
}

/** The sections --help shows after the options: EXAMPLES, and any other ("At the prompt"). */
function addHelpSections(page: RoffPage, command: Command): void {
  for (const section of helpSectionsOf(command)) {
    page.section(section.heading);
    if (section.heading === EXAMPLES_HEADING) page.verbatim(section.lines.flatMap((line) => wrapCommand(line, VERBATIM_WIDTH)));
    else addTable(page, section);
  }
}

/** Lines of `term   text` (two spaces or more between) as tagged paragraphs; other lines as they are. */
function addTable(page: RoffPage, section: HelpSection): void {
  for (const line of section.lines) {
    const [, first, rest] = /^(\S.*?)\s{2,}(\S.*)$/.exec(line) ?? [];
    if (first && rest) page.tagged(bold(first), escape(rest));
    else page.paragraph(escape(line));
  }
}
