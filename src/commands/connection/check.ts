import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { UcinderError, UsageError } from '../../errors.js';
import { listing } from '../../output/result.js';
import { openStore, sessionIdentity } from '../../cli/attach/cache.js';
import { CHECK_COLUMNS } from '../../cli/attach/check-columns.js';
import { hostContext } from '../../cli/attach/host-context.js';
import { DEVICE_TIMEOUT_OPTION } from '../../cli/attach/options.js';

export function registerConnectionCheck(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'check',
      summary: 'Compare the cache, this host (sessions, maps, devices) and Cinder: one row per finding with the command that fixes it',
      output: 'listing',
      columns: () => CHECK_COLUMNS,
      examples: [
        'ucinder connection check',
        'ucinder connection check --check -f json   # for monitoring: exit 1 when anything is found',
        'ucinder connection check --fix         # safe repairs: log in again, rebuild or drop entries',
        'ucinder connection check --fix --yes   # also: log out devices, detach in Cinder',
      ],
      options: {
        check: flag('--check', 'exit 1 when anything is found (with --fix: anything left unfixed), 0 when the three views agree'),
        fix: flag('--fix', 'apply the safe repairs and say what was done; the others only with --yes (or a yes at the terminal)'),
        yes: flag('--yes', 'with --fix: also the repairs that could lose data (taking a device off this host, detaching in Cinder)'),
        host: option('--host <name>', "this host's name as its connectors send it, for Cinder's attachments (default: this hostname; the cached connectors' hosts always count)"),
        deviceTimeout: DEVICE_TIMEOUT_OPTION,
      },
      run: async ({ f, options, failAfterOutput }) => {
        if (options.yes && !options.fix) throw new UsageError('--yes only goes with --fix');
        if (options.host === '') throw new UsageError('--host needs a host name');
        const store = await openStore(f);
        const session = await f.session();
        const identity = await sessionIdentity(session);
        const { context } = await hostContext(f, options);
        const { checkConnections, findingRow } = await import('../../cli/attach/connection-check.js');
        const checked = await checkConnections({
          store,
          runner: context.runner,
          probe: context.probe,
          session,
          identity,
          hostname: options.host ?? (await f.hostFacts()).hostname(),
          warn: (message) => f.warn(message),
        });
        const { findings } = checked;
        const rows: string[][] = [];
        const counts = { fixed: 0, 'not fixed': 0, failed: 0 };
        if (options.fix) {
          const { repairFinding } = await import('../../cli/attach/connection-repair.js');
          const confirm = f.deps.confirm ?? (await import('../../output/confirm.js')).terminalConfirmer();
          for (const finding of findings) {
            const outcome = await repairFinding(finding, { f, store, context, session, identity, host: options.host, yes: options.yes === true, confirm });
            counts[outcome.status]++;
            rows.push(findingRow(finding, outcome.result));
          }
        } else {
          rows.push(...findings.map((finding) => findingRow(finding, '')));
        }
        const summary =
          findings.length === 0
            ? `OK: the cache, this host and Cinder agree (${count(checked.cachedCount, 'cached connection')}, ${count(checked.onHostCount, 'Cinder volume')} attached here)`
            : `${count(findings.length, 'finding')}${
                options.fix
                  ? `: ${Object.entries(counts)
                      .filter(([, n]) => n > 0)
                      .map(([status, n]) => `${n} ${status}`)
                      .join(', ')}`
                  : ''
              }`;
        const left = options.fix ? counts['not fixed'] + counts.failed : findings.length;
        if ((options.check && left > 0) || counts.failed > 0) failAfterOutput(new UcinderError(summary));
        else f.io.stderr.write(`${summary}\n`);
        return listing(CHECK_COLUMNS, rows);
      },
    },
    factoryFor,
  );
}

/** "1 finding", "3 findings". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
