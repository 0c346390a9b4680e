import type { Command } from 'commander';

/**
 * A command tree whose nouns are built when a command line reaches them.
 * Building every one of ~200 commands to run one cost each start-up ~50 ms
 * (bench/RESULTS.md): a noun is first a bare Command (its name and summary,
 * all its parent's help and "did you mean" need), and its verbs and nouns
 * are added when Commander dispatches into it, or when something asks for
 * the whole tree (help, completion scripts). The tree itself is data
 * (commands/root.ts); this module only knows how to grow it.
 */

/** Adds verbs to a noun (or to the program): one noun folder's register function, bound to its dependencies. */
export type Registrar = (parent: Command) => void;

/** A group of verbs, loaded on demand (an import() of its noun folder). */
export interface LazyVerbs {
  readonly verbs: () => Registrar | Promise<Registrar>;
}

/** A noun of the tree: what its parent shows, and what it holds, in help order. */
export interface LazyNoun {
  readonly name: string;
  readonly summary: string;
  /** The noun's own help text; its summary by default. */
  readonly description?: string;
  readonly children: readonly LazyChild[];
}

export type LazyChild = LazyNoun | LazyVerbs;

/** What an unbuilt noun still has to grow, and the build once started. */
const unbuilt = new WeakMap<Command, readonly LazyChild[]>();
const building = new WeakMap<Command, Promise<void>>();

/** Adds `noun` under `parent`, unbuilt: its name and summary only. */
export function addLazyNoun(parent: Command, noun: LazyNoun): Command {
  const command = parent
    .command(noun.name)
    .summary(noun.summary)
    .description(noun.description ?? noun.summary);
  unbuilt.set(command, noun.children);
  return command;
}

/**
 * Gives `command` (the program, or a noun added above) its children, in the
 * order declared: the verb groups are loaded first, together, so that
 * nothing is added out of order. Sub-nouns stay unbuilt, and grow when
 * Commander dispatches into them (a preSubcommand hook, which parseAsync
 * awaits). Building twice is a no-op.
 */
export function buildNoun(command: Command, children: readonly LazyChild[] = unbuilt.get(command) ?? []): Promise<void> {
  let done = building.get(command);
  if (!done) {
    unbuilt.delete(command);
    done = grow(command, children);
    building.set(command, done);
  }
  return done;
}

async function grow(command: Command, children: readonly LazyChild[]): Promise<void> {
  const registrars = await Promise.all(children.map((child) => ('verbs' in child ? child.verbs() : undefined)));
  children.forEach((child, index) => {
    if ('verbs' in child) registrars[index]!(command);
    else addLazyNoun(command, child);
  });
  if (children.some((child) => !('verbs' in child))) {
    command.hook('preSubcommand', (_self, sub) => (unbuilt.has(sub) ? buildNoun(sub) : undefined));
  }
}

/** Whether `command` still waits for its children (a noun not yet reached). */
export function isUnbuilt(command: Command): boolean {
  return unbuilt.has(command);
}

/** Builds every noun under `command`: what help trees, completion scripts and man pages read. */
export async function buildWholeTree(command: Command): Promise<Command> {
  if (unbuilt.has(command)) await buildNoun(command);
  else await building.get(command);
  await Promise.all(command.commands.map((sub) => buildWholeTree(sub)));
  return command;
}
