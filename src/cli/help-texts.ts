import type { Command } from 'commander';

/** What the program's output was captured into (output/iostreams.ts's bufferIOStreams). */
interface CapturedOutput {
  clear(): void;
  stdout(): string;
}

/**
 * What `ucinder WORDS --help` prints in a pipe (80 columns), for the root
 * (key '') and every command below it, by its words ("volume type create").
 * The build stores them (dist/help.json) and the entry answers a --help in a
 * pipe from there without loading the command tree: building it cost a leaf's
 * --help ~40 ms of start-up (bench/RESULTS.md). `program` is the whole tree,
 * writing into `output`, on no terminal.
 */
export function helpTexts(program: Command, output: CapturedOutput): Record<string, string> {
  const texts: Record<string, string> = {};
  const visit = (command: Command, words: readonly string[]): void => {
    output.clear();
    command.outputHelp();
    texts[words.join(' ')] = output.stdout();
    for (const sub of command.commands) visit(sub, [...words, sub.name()]);
  };
  visit(program, []);
  return texts;
}

/**
 * The words of `ucinder WORDS --help` (or -h): the key of its text, or
 * undefined for any other command line (options, a value, no words), which
 * the program itself answers.
 */
export function helpRequestWords(argv: readonly string[]): string | undefined {
  const last = argv[argv.length - 1];
  if (last !== '--help' && last !== '-h') return undefined;
  const words = argv.slice(0, -1);
  return words.every((word) => /^[a-z][a-z0-9-]*$/.test(word)) ? words.join(' ') : undefined;
}
