import type { Command } from 'commander';
import { addExamples, addHelpSection } from '../../cli/help-sections.js';
import { atThePromptLines } from '../../cli/shell-vocabulary.js';
import { declareBatchCommand } from '../../completion/completion-hints.js';
import { UsageError } from '../../errors.js';

/** Opens the shell for this command's global options; main's, which loads the shell on demand. */
export type ShellOpener = (command: Command) => Promise<void>;

/**
 * `ucinder shell` (and `ucinder` alone): the interactive shell on a terminal,
 * batch mode (one command per line) when standard input is not one.
 */
export function registerShellCommand(program: Command, openShell: ShellOpener | undefined): Command {
  const shell = program
    .command('shell')
    .summary('Interactive shell (the default on a terminal); reads one command per line from a pipe or file')
    .description(
      'Interactive shell: one session (one authentication, one API discovery, one kept-alive connection) for every command typed at the prompt.\n' +
        'When standard input is not a terminal, runs one command per line (batch mode): blank lines and # comments are skipped,\n' +
        'the first failing line stops the run (ucinder: line N: ...) unless --keep-going.\n' +
        'The history is kept in $XDG_STATE_HOME/ucinder/history (~/.local/state/ucinder/history), the last 1000 lines.',
    )
    .action(async (_options: unknown, self: Command) => {
      if (!openShell) throw new UsageError('the shell is not available here');
      await openShell(self);
    });
  declareBatchCommand(shell);
  addHelpSection(shell, 'At the prompt', atThePromptLines());
  addExamples(shell, ['ucinder', 'ucinder --os-cloud prod shell', 'ucinder --keep-going < commands.txt']);
  return shell;
}
