import type { Command } from 'commander';
import { getQuotas, type QuotaSet } from '../../api/resources/quotas.js';
import type { CinderSession } from '../../api/session.js';
import { mapSettledBounded } from '../../cli/bounded-map.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import type { Factory } from '../../cli/factory.js';
import { resolveProjectId } from '../../cli/project-ref.js';
import { UsageError } from '../../errors.js';
import { ApiError } from '../../http/errors.js';
import { listing, type Cell } from '../../output/result.js';

/** openstack's volume columns and the quota keys behind them, in its order. */
const COLUMNS: readonly (readonly [header: string, key: string])[] = [
  ['Project ID', 'id'],
  ['Backups', 'backups'],
  ['Backup Gigabytes', 'backup_gigabytes'],
  ['Gigabytes', 'gigabytes'],
  ['Per Volume Gigabytes', 'per_volume_gigabytes'],
  ['Snapshots', 'snapshots'],
  ['Volumes', 'volumes'],
];
const HEADERS = COLUMNS.map(([header]) => header);
/** Two GETs per project; a cloud with hundreds of projects must not open hundreds of connections. */
const CONCURRENCY = 8;

export function registerQuotaList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List the projects whose block storage quotas differ from the defaults (admin)',
      output: 'listing',
      watchable: true,
      examples: ['ucinder quota list --volume', 'ucinder quota list --volume --project demo -f json'],
      options: {
        project: option('--project <project>', 'only this project, name or ID (without it: every project Keystone lists)'),
        volume: flag('--volume', 'volume quotas (the only ones ucinder lists; accepted for openstack scripts)'),
        detail: flag('--detail', "accepted for openstack scripts: Cinder has no detailed quota listing (use 'quota show --usage')"),
        compute: flag('--compute', 'refused: ucinder talks to block storage only'),
        network: flag('--network', 'refused: ucinder talks to block storage only'),
      },
      columns: () => HEADERS,
      run: async ({ f, options }) => {
        const other = (['compute', 'network'] as const).find((service) => options[service]);
        if (other) throw new UsageError(`--${other}: ucinder lists volume quotas only (use --volume or no flag)`);
        const projects = await projectIds(f, options.project);
        const session = await f.session();
        const results = await mapSettledBounded(projects, CONCURRENCY, (project) => changedQuotas(session, project));
        const rows: Cell[][] = [];
        results.forEach((result, index) => {
          if (result.status === 'fulfilled') {
            if (result.value) rows.push(COLUMNS.map(([, key]) => (key === 'id' ? projects[index]! : ((result.value![key] as Cell) ?? ''))));
          } else if (result.reason instanceof ApiError && result.reason.status === 404) {
            // openstack's behaviour: a project Cinder does not know is skipped with a warning.
            f.warn(`project ${projects[index]} not found: ${result.reason.message}`);
          } else {
            throw result.reason;
          }
        });
        if (options.detail) f.warn("Cinder has no detailed quota listing; 'quota show --usage PROJECT' shows limits with usage");
        return listing(HEADERS, rows);
      },
    },
    factoryFor,
  );
}

/** --project, or every project Keystone lists; without Keystone there is no list to take them from. */
async function projectIds(f: Factory, project: string | undefined): Promise<string[]> {
  if (project !== undefined) return [await resolveProjectId(f, project)];
  const plugin = await f.authPlugin();
  if (!plugin.listProjectIds) {
    throw new UsageError(`with --os-auth-type ${plugin.authType} there is no Keystone to list projects from: pass --project ID`);
  }
  return plugin.listProjectIds();
}

/** The project's quotas when any of openstack's six differs from the defaults, else undefined (as openstack lists them). */
async function changedQuotas(session: CinderSession, project: string): Promise<QuotaSet | undefined> {
  const [quotas, defaults] = await Promise.all([getQuotas(session, project), getQuotas(session, project, { defaults: true })]);
  return COLUMNS.some(([, key]) => key !== 'id' && quotas[key] !== defaults[key]) ? quotas : undefined;
}
