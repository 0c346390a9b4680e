import { UcinderError, UsageError } from '../errors.js';
import type { ManageInvocation } from '../host/manage.js';
import type { CommandRunner } from '../host/runner.js';
import { details, type Details } from '../output/result.js';
import type { Factory } from './factory.js';
import { flag, negation, option } from './option-spec.js';

/**
 * Removing a dead service's or cluster's row, which has no REST call: the
 * steps `volume service remove` and `cluster remove` share around
 * cinder-manage (host/manage.ts): where it runs, the confirmation, the check
 * of the API first, the dry run, and what is shown afterwards.
 */

/** The options of every removal through cinder-manage; `apiCheckHelp` says what --no-api-check skips. */
export function manageRemovalOptions(apiCheckHelp: string) {
  return {
    runner: option(
      '--runner <runner>',
      'where cinder-manage runs: local, docker:<container> (kolla: docker:cinder_api) or ssh:<[user@]host> (env UCINDER_MANAGE_RUNNER; default local)',
    ),
    manageCommand: option(
      '--manage-command <command>',
      'the cinder-manage command line, split like a shell would but never run through one (env UCINDER_MANAGE_COMMAND; default cinder-manage)',
    ),
    yes: flag('--yes', 'do not ask for confirmation (required when stdin is not a terminal)'),
    apiCheck: negation('--no-api-check', apiCheckHelp),
    dryRun: flag('--dry-run', 'show the command that would run; run nothing'),
  };
}

export interface ManageRemovalFlags {
  runner?: string;
  manageCommand?: string;
  yes?: boolean;
  apiCheck: boolean;
  dryRun?: boolean;
}

export interface ManageRemoval {
  /** 'service', 'cluster': the refusal's word when nobody can confirm. */
  noun: string;
  /** What identifies the row, shown first: { binary, host } or { binary, cluster }. */
  fields: Record<string, string>;
  /** The question's object: "the cinder-volume service on node2@lvm". */
  what: string;
  /** cinder-manage's arguments, e.g. ['service', 'remove', binary, host]. */
  manageArgs: string[];
  /** Asks the Cinder API whether the row may go (skipped with --no-api-check). */
  checkFirst: () => Promise<void>;
  /** Runs cinder-manage: the command line it ran and the result to show. */
  remove: (runner: CommandRunner, invocation: ManageInvocation) => Promise<{ argv: string[]; result: string }>;
}

export async function runManageRemoval(f: Factory, flags: ManageRemovalFlags, removal: ManageRemoval): Promise<Details> {
  // Host-side modules load only when a removal runs.
  const { describeManageRunner, manageArgv, resolveManageInvocation } = await import('../host/manage.js');
  const { DryRunRunner, displayCommand } = await import('../host/runner.js');
  const invocation = resolveManageInvocation(flags, f.env);
  const confirm = f.deps.confirm ?? (await import('../output/confirm.js')).terminalConfirmer();
  if (!flags.dryRun && !flags.yes && !confirm.interactive) {
    throw new UsageError(`refusing to remove a ${removal.noun} without confirmation: stdin is not a terminal; pass --yes`);
  }
  if (flags.apiCheck) await removal.checkFirst();
  const runner = describeManageRunner(invocation.runner);
  if (flags.dryRun) {
    const dryRun = new DryRunRunner();
    await dryRun.run(manageArgv(invocation, removal.manageArgs));
    return details({ ...removal.fields, runner, command: displayCommand(dryRun.planned[0]!), result: 'dry run: nothing was run' });
  }
  if (!flags.yes) {
    const where = runner === 'local' ? 'cinder-manage on this host' : `cinder-manage via ${runner}`;
    if (!(await confirm.ask(`Remove ${removal.what} from Cinder's database (${where})?`))) throw new UcinderError('not removed: not confirmed');
  }
  const { argv, result } = await removal.remove(await f.runner(), invocation);
  return details({ ...removal.fields, runner, command: displayCommand(argv), result });
}
