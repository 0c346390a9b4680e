import type { Command } from 'commander';
import { findBackup } from '../../api/finders.js';
import { deleteBackup, getBackup, listBackups } from '../../api/resources/backups.js';
import { runBulkDelete } from '../../cli/bulk-delete.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { ALL_PROJECTS_LOOKUPS } from '../../cli/all-projects-option.js';
import { flag, option } from '../../cli/option-spec.js';
import { deleteOrJoin } from '../../cli/deletion-under-way.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { backupLabel, backupTarget } from '../../cli/wait/backup.js';
import { waitOptions, waitTimeoutMs } from '../../cli/wait/progress.js';
import { BackupDeleteOrder } from '../../cli/backup-delete-order.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerBackupDelete(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'delete <backup...>',
      summary: 'Delete backups (by name or ID), newest first; tries every one, then reports failures',
      output: 'none',
      examples: ['ucinder volume backup delete vol1-monday', 'ucinder volume backup delete vol1-monday vol1-tuesday --wait', 'ucinder volume backup delete --force stuck-backup'],
      options: {
        force: flag('--force', 'delete whatever the backup status (admin)'),
        allProjects: ALL_PROJECTS_LOOKUPS,
        concurrency: option('--concurrency <n>', 'delete this many backups at a time (default 8)', { parse: positiveInteger }),
        ...waitOptions('the backups are gone'),
      },
      run: async ({ f, options, args: [backups] }) => {
        const session = await f.session();
        const concurrency = options.concurrency ?? 8;
        const order = await BackupDeleteOrder.resolve(
          backups,
          concurrency,
          (nameOrId) => findBackup(session, nameOrId, { allProjects: options.allProjects, action: 'delete' }),
          (backup) => backupTarget(session, backup, []),
          () => ({ timeoutMs: waitTimeoutMs(options), signal: f.deps.signal, sleep: f.deps.sleep, now: f.deps.now }),
        );
        await runBulkDelete(f, {
          noun: 'backup',
          nouns: 'backups',
          items: order.items(),
          concurrency,
          describe: (item) => `backup with name or ID '${item}'`,
          deleteOne: (nameOrId, note) =>
            order.delete(nameOrId, (backup) =>
              deleteOrJoin({
                send: () => deleteBackup(session, backup.id, { force: options.force }),
                fetchStatus: async () => (await getBackup(session, backup.id)).status,
                label: backupLabel(backup),
                note,
              }),
            ),
          pollTarget: (backup) => backupTarget(session, backup, []),
          idOf: (backup) => backup.id,
          listDeleting: async () => new Set((await listBackups(session, { status: 'deleting' })).map((backup) => backup.id)),
          wait: options,
        });
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
