import { Help, type Command } from 'commander';

/**
 * How --help lays a command out, as `openstack volume create --help` does: the
 * command's own usage, arguments, options and examples; the global options,
 * which every command takes, as one line pointing at `ucinder --help` (which
 * lists them all, as the root's own options). A noun lists its subcommands.
 */
export function configureHelpLayout(program: Command): void {
  const name = program.name();
  program.configureHelp({
    showGlobalOptions: true,
    // The one line must not widen the term column to the longest global flag.
    longestGlobalOptionTermLength: () => 0,
    formatItemList(heading: string, items: string[], helper: Help): string[] {
      if (heading === GLOBAL_HEADING && items.length) return [heading, `  ${globalOptionsSummary(items.length)}: see '${name} --help'`, ''];
      return Help.prototype.formatItemList.call(this, heading, items, helper);
    },
    // A noun's list of verbs, brief: every command takes options, `[options]` says nothing.
    subcommandTerm(sub: Command): string {
      return Help.prototype.subcommandTerm.call(this, sub).replace(' [options]', '');
    },
  });
}

const GLOBAL_HEADING = 'Global Options:';
/** The global options a reader looks for first; the summary names them. */
const NAMED_GLOBAL_OPTIONS = ['--os-cloud', '--os-endpoint', '--debug'];

/** "--os-cloud, --os-endpoint, --debug and 31 more", of `count` global options in all. */
export function globalOptionsSummary(count: number): string {
  return `${NAMED_GLOBAL_OPTIONS.join(', ')} and ${count - NAMED_GLOBAL_OPTIONS.length} more`;
}

/** The global options a command takes, as its --help counts them. */
export function globalOptionCount(command: Command): number {
  const help = new Help();
  help.showGlobalOptions = true;
  return help.visibleGlobalOptions(command).length;
}

/** The words from the root: ['ucinder', 'volume', 'create']. */
export function commandPath(command: Command): string[] {
  const words: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) words.unshift(current.name());
  return words;
}

/** The subcommands a command shows in its help, without Commander's implicit `<noun> help`. */
export function realSubcommands(command: Command): Command[] {
  return new Help().visibleCommands(command).filter((sub) => command.commands.includes(sub));
}
