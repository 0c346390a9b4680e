import type { Command } from 'commander';

/**
 * A command tree built as far as a command line reaches into it. Building
 * every one of ~200 commands to run one cost each start-up ~50 ms
 * (bench/RESULTS.md). A noun's children are declared as data
 * (commands/root.ts); when Commander dispatches into the noun, it gets its
 * sub-nouns as bare commands (name and summary: all its help shows of them)
 * and the one verb the next word names, whose file alone is imported. Any
 * other word (a typo, --help, none) builds the noun whole, so help and
 * "did you mean" see what they always saw; so does buildWholeTree, for what
 * reads the whole tree (completion scripts, the shell's TAB, man pages).
 * Whatever subset is built, a noun's commands stay in the declared order.
 */

/** Adds one command to its parent (one verb's register function, bound to its dependencies). */
export type Registrar = (parent: Command) => unknown;

/** A verb: its name, and how to load what registers it. */
export interface LazyVerb {
  readonly verb: string;
  readonly load: () => Registrar | Promise<Registrar>;
}

/** A noun: what its parent shows, and what it holds, in help order. */
export interface LazyNoun {
  readonly name: string;
  readonly summary: string;
  /** The noun's own help text; its summary by default. */
  readonly description?: string;
  readonly children: readonly LazyChild[];
}

export type LazyChild = LazyNoun | LazyVerb;

interface Growth {
  readonly children: readonly LazyChild[];
  /** The command made of each child so far, by declared index. */
  readonly made: (Command | undefined)[];
  opened: boolean;
  complete: boolean;
  /** One build at a time: a later one sees what an earlier one made. */
  queue: Promise<void>;
}

const growths = new WeakMap<Command, Growth>();

/** Declares what `command` holds; nothing is built until buildNoun asks. */
export function declareChildren(command: Command, children: readonly LazyChild[]): void {
  growths.set(command, { children, made: [], opened: false, complete: false, queue: Promise.resolve() });
}

/**
 * Builds enough of `command` for Commander to go on with `next`, the word
 * after it on the command line: the child of that name, or every child when
 * no child has that name (or `next` is undefined). Commands that were not
 * declared lazily are left alone.
 */
export function buildNoun(command: Command, next?: string): Promise<void> {
  const growth = growths.get(command);
  if (!growth || growth.complete) return Promise.resolve();
  growth.queue = growth.queue.then(() => grow(command, growth, next));
  return growth.queue;
}

/** Builds every noun under `command`. */
export async function buildWholeTree(command: Command): Promise<Command> {
  await buildNoun(command);
  for (const sub of command.commands) await buildWholeTree(sub);
  return command;
}

async function grow(command: Command, growth: Growth, next: string | undefined): Promise<void> {
  if (growth.complete) return;
  const { children, made } = growth;
  if (!growth.opened) {
    growth.opened = true;
    children.forEach((child, index) => {
      if (!isVerb(child)) make(command, growth, index, (parent) => addNoun(parent, child));
    });
    // Commander awaits this hook (parseAsync) before the sub-command parses
    // its part; `self.args` is what the parent left for it, its name first.
    command.hook('preSubcommand', (self, sub) => buildNoun(sub, wordAfter(self.args)));
  }
  const named = next === undefined ? -1 : children.findIndex((child) => nameOf(child) === next);
  const wanted = (named >= 0 ? [named] : children.map((_, index) => index)).filter((index) => !made[index] && isVerb(children[index]!));
  const registrars = await Promise.all(wanted.map((index) => (children[index] as LazyVerb).load()));
  wanted.forEach((index, position) => {
    make(command, growth, index, registrars[position]!);
  });
  if (named < 0) growth.complete = true;
}

function addNoun(parent: Command, noun: LazyNoun): void {
  const command = parent
    .command(noun.name)
    .summary(noun.summary)
    .description(noun.description ?? noun.summary);
  declareChildren(command, noun.children);
}

/** Runs `register` for child `index` and puts the one command it adds in its declared place. */
function make(command: Command, growth: Growth, index: number, register: Registrar): void {
  const before = command.commands.length;
  register(command);
  const added = command.commands.slice(before);
  const name = nameOf(growth.children[index]!);
  if (added.length !== 1 || added[0]!.name() !== name) {
    throw new Error(`'${command.name()} ${name}' registered ${JSON.stringify(added.map((sub) => sub.name()))}: the tree and the verb's file disagree`);
  }
  const sub = added[0]!;
  growth.made[index] = sub;
  const following = growth.made.find((other, at) => at > index && other !== undefined);
  if (following) {
    // Commander keeps the sub-commands in this array (typed read-only for
    // its users) and reads it in order for help, lookup and suggestions.
    const commands = command.commands as Command[];
    commands.pop();
    commands.splice(commands.indexOf(following), 0, sub);
  }
}

function isVerb(child: LazyChild): child is LazyVerb {
  return 'verb' in child;
}

function nameOf(child: LazyChild): string {
  return isVerb(child) ? child.verb : child.name;
}

/** The word a sub-command will look up among its own commands, if any (an option is none). */
function wordAfter(args: readonly string[]): string | undefined {
  const word = args[1];
  return word === undefined || word.startsWith('-') ? undefined : word;
}
