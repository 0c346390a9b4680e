import type { Command } from 'commander';
import type { CinderSession } from '../api/session.js';
import { UsageError } from '../errors.js';
import { NO_OUTPUT } from '../output/result.js';
import { applyChanges } from './change-set.js';
import { defineCommand, type FactoryProvider } from './command.js';
import { collect } from './option-parsers.js';

/** A resource whose metadata openstack calls properties (volumes, snapshots). */
export interface PropertyUnset<Resource> {
  /** "volume", "snapshot": the help's wording. */
  noun: string;
  examples: string[];
  find: (session: CinderSession, nameOrId: string, options: { allProjects?: boolean; action?: string }) => Promise<Resource>;
  label: (resource: Resource) => string;
  deleteKey: (session: CinderSession, resource: Resource, key: string) => Promise<void>;
  /** Volumes only: removes an image property (adds --image-property). */
  deleteImageKey?: (session: CinderSession, resource: Resource, key: string) => Promise<void>;
}

interface Options {
  property?: string[];
  imageProperty?: string[];
  allProjects?: boolean;
}

/**
 * `<noun> unset --property KEY…`: one request per key, as Cinder deletes
 * metadata; every key is tried and each failure reported (applyChanges).
 */
export function definePropertyUnset<Resource>(parent: Command, factoryFor: FactoryProvider, spec: PropertyUnset<Resource>): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: `unset <${spec.noun}>`,
      summary: `Remove properties from a ${spec.noun}`,
      output: 'none',
      examples: spec.examples,
      configure: (command) => {
        command.option('--property <key>', 'property to remove (repeatable)', collect);
        if (spec.deleteImageKey) command.option('--image-property <key>', 'image property to remove (repeatable)', collect);
        return command.option('--all-projects', 'look the name up in every project (admin)');
      },
      run: async ({ f, options, args }) => {
        const keys = options.property ?? [];
        const imageKeys = options.imageProperty ?? [];
        if (!keys.length && !imageKeys.length) throw new UsageError(`nothing to unset: give --property KEY${spec.deleteImageKey ? ' or --image-property KEY' : ''}`);
        const session = await f.session();
        // Unsetting changes state: an ID-shaped argument is an ID only (see api/find.ts).
        const resource = await spec.find(session, args[0]!, { allProjects: options.allProjects, action: 'change' });
        await applyChanges(
          f,
          spec.label(resource),
          [
            ...keys.map((key) => ({ what: `unset property '${key}'`, apply: () => spec.deleteKey(session, resource, key) })),
            ...imageKeys.map((key) => ({ what: `unset image property '${key}'`, apply: () => spec.deleteImageKey!(session, resource, key) })),
          ],
        );
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
