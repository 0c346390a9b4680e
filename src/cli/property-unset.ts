import type { Command } from 'commander';
import type { CinderSession } from '../api/session.js';
import { UsageError } from '../errors.js';
import { NO_OUTPUT } from '../output/result.js';
import { ALL_PROJECTS_LOOKUP } from './all-projects-option.js';
import { applyChanges } from './change-set.js';
import { defineCommand, type FactoryProvider } from './command.js';
import { repeatable } from './option-spec.js';

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

/**
 * `<noun> unset --property KEY…`: one request per key, as Cinder deletes
 * metadata; every key is tried and each failure reported (applyChanges).
 */
export function definePropertyUnset<Resource>(parent: Command, factoryFor: FactoryProvider, spec: PropertyUnset<Resource>): Command {
  const { deleteImageKey } = spec;
  return defineCommand(
    parent,
    {
      usage: `unset <${spec.noun}>`,
      summary: `Remove properties from a ${spec.noun}`,
      output: 'none',
      examples: spec.examples,
      options: {
        property: repeatable('--property <key>', 'property to remove (repeatable)'),
        ...(deleteImageKey ? { imageProperty: repeatable('--image-property <key>', 'image property to remove (repeatable)') } : {}),
        allProjects: ALL_PROJECTS_LOOKUP,
      },
      run: async ({ f, options, args: [nameOrId] }) => {
        const keys = options.property ?? [];
        const imageKeys = options.imageProperty ?? [];
        if (!keys.length && !imageKeys.length) throw new UsageError(`nothing to unset: give --property KEY${deleteImageKey ? ' or --image-property KEY' : ''}`);
        const session = await f.session();
        // Unsetting changes state: an ID-shaped argument is an ID only (see api/find.ts).
        const resource = await spec.find(session, nameOrId, { allProjects: options.allProjects, action: 'change' });
        await applyChanges(f, spec.label(resource), [
          ...keys.map((key) => ({ what: `unset property '${key}'`, apply: () => spec.deleteKey(session, resource, key) })),
          ...imageKeys.flatMap((key) => (deleteImageKey ? [{ what: `unset image property '${key}'`, apply: () => deleteImageKey(session, resource, key) }] : [])),
        ]);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
