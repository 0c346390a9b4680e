import type { Command } from 'commander';
import { listApiVersions, type VersionEntry } from '../../api/discovery.js';
import { endpointRoot } from '../../auth/endpoint.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import { listing, type Cell } from '../../output/result.js';

const COLUMNS = ['Region Name', 'Service Type', 'Version', 'Status', 'Endpoint', 'Min Microversion', 'Max Microversion'] as const;

/**
 * The names the service-types authority gives block storage (what openstack's
 * --service takes for it). ucinder talks to Cinder only, so any other service
 * is refused rather than answered with an empty table.
 */
const BLOCK_STORAGE_NAMES = new Set(['block-storage', 'block-store', 'volume', 'volumev2', 'volumev3']);
const STATUSES = ['SUPPORTED', 'CURRENT', 'DEPRECATED', 'EXPERIMENTAL'];

export function registerVersionsShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show',
      summary: "Show the block storage API's versions and microversion range",
      output: 'listing',
      watchable: true,
      examples: ['ucinder versions show', 'ucinder versions show --status current -f value -c "Max Microversion"'],
      options: {
        service: option('--service <service>', 'block-storage (or an alias: volume, volumev3, volumev2); ucinder shows no other service'),
        status: option('--status <status>', `only versions in this status (${STATUSES.join(', ')})`),
        regionName: option('--region-name <region>', 'the region shown (default: --os-region-name)'),
        interface: option('--interface <interface>', 'accepted for openstack scripts: ucinder shows the endpoint it uses', { conflicts: 'allInterfaces' }),
        allInterfaces: flag('--all-interfaces', 'accepted for openstack scripts: ucinder shows the endpoint it uses', { conflicts: 'interface' }),
      },
      columns: () => COLUMNS,
      run: async ({ f, options }) => {
        if (options.service !== undefined && !BLOCK_STORAGE_NAMES.has(options.service)) {
          throw new UsageError(`--service '${options.service}': ucinder shows the block-storage service only`);
        }
        const status = options.status?.toUpperCase();
        if (status !== undefined && !STATUSES.includes(status)) {
          throw new UsageError(`--status '${options.status}': expected one of ${STATUSES.join(', ')}`);
        }
        const [session, settings] = await Promise.all([f.session(), f.effectiveSettings()]);
        const root = endpointRoot(await session.endpoint());
        const versions = await listApiVersions(session.http, root);
        const region = options.regionName ?? settings.auth.regionName ?? null;
        return listing(
          COLUMNS,
          versions.filter((entry) => status === undefined || entry.status?.toUpperCase() === status).map((entry) => row(entry, region, root)),
        );
      },
    },
    factoryFor,
  );
}

/** Keystoneauth's shape: "v3.0" -> "3.0"; an empty microversion (a version without any) stays empty. */
function row(entry: VersionEntry, region: string | null, root: string): Cell[] {
  const self = entry.links?.find((link) => link.rel === 'self')?.href;
  return [region, 'block-storage', entry.id?.replace(/^v/, '') ?? null, entry.status ?? null, self ?? root, entry.min_version || null, entry.version || null];
}
