import { Option } from 'commander';
import { GLOBAL_OPTIONS, type GlobalOption } from './global-options.js';

/** Global flags that take a value (`--os-cloud prod`), so the next word is theirs. */
const TAKES_VALUE = new Set(
  (GLOBAL_OPTIONS as readonly GlobalOption[]).flatMap((row) => {
    const option = new Option(row.flag);
    return option.required || option.optional ? [option.long!] : [];
  }),
);
const SWITCHES = new Set(
  (GLOBAL_OPTIONS as readonly GlobalOption[]).flatMap((row) => {
    const option = new Option(row.flag);
    return option.required || option.optional ? [] : [option.long!];
  }),
);

/**
 * The first word of a command line that is neither a global option nor its
 * value: the command (or a flag such as --help), undefined when the line has
 * global options only. `ucinder --os-cloud prod` with nothing else opens the
 * shell, as `openstack --os-cloud prod` does.
 */
export function firstCommandWord(argv: readonly string[]): string | undefined {
  const index = commandWordIndex(argv);
  return index < 0 ? undefined : argv[index];
}

/** Where firstCommandWord is in argv, or -1. */
export function commandWordIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const flag = word.split('=')[0]!;
    if (TAKES_VALUE.has(flag)) {
      if (!word.includes('=')) i++;
    } else if (!SWITCHES.has(word)) {
      return i;
    }
  }
  return -1;
}

/**
 * The global options of a command line, wherever they stand, with their
 * values: what a session opened by a command (`top`) needs to run other
 * commands with the same settings. The command's words and its own options
 * are left out.
 */
export function globalOptionWords(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const flag = word.split('=')[0]!;
    if (TAKES_VALUE.has(flag)) {
      kept.push(word);
      if (!word.includes('=') && i + 1 < argv.length) kept.push(argv[++i]!);
    } else if (SWITCHES.has(word)) {
      kept.push(word);
    }
  }
  return kept;
}
