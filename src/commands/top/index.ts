import type { Command } from 'commander';
import { addExamples } from '../../cli/help-sections.js';
import { watchSeconds } from '../../cli/watch.js';
import { UsageError } from '../../errors.js';

/** Opens the screen for this command's options; main's, which loads the screen on demand. */
export type TopOpener = (command: Command) => Promise<void>;

/** The visible view is refreshed this often unless --interval says otherwise. */
export const DEFAULT_TOP_SECONDS = 5;

/** `ucinder top`: the full-screen console (src/top/), opened through main like the shell. */
export function registerTopCommand(program: Command, openTop: TopOpener | undefined): Command {
  const top = program
    .command('top')
    .summary('Full-screen live console: problems with their fixes, services, pools, volumes, snapshots, messages; acts on the selected row')
    .description(
      "Full-screen live console (like k9s). Views: 1 'ucinder status' (problems, each with its fix) with the services and the pools' capacity, " +
        '2 volumes, 3 services and clusters, 4 snapshots and backups, 5 user messages. Keys act on the selected row, each after a y/N question ' +
        'in the screen: on a volume d delete, r reset state, e extend, D detach an attachment; on a service x disable/enable; Enter on a problem ' +
        'runs its fix. Press ? in the screen for every key. Needs a terminal (else: ucinder status, or a list command with --watch).',
    )
    .option('--interval <seconds>', 'refresh the view shown every SECONDS (at least 1); never faster, one refresh at a time', watchSeconds, DEFAULT_TOP_SECONDS)
    .option('--all-projects', 'volumes, snapshots and backups of every project (admin); the overview then checks every project, as status --all-projects')
    .action(async (_options: unknown, self: Command) => {
      if (!openTop) throw new UsageError('top is not available here');
      await openTop(self);
    });
  addExamples(top, ['ucinder top', 'ucinder --os-cloud prod top --all-projects --interval 10']);
  return top;
}
