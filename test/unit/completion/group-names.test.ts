import { describe, expect, it } from 'vitest';
import { completionModel } from '../../../src/completion/command-model.js';
import { completionTables } from '../../../src/completion/completion-tables.js';
import { realProgram } from './helpers.js';

const ucinderProgram = await realProgram();

describe('completion of volume groups, group types and group snapshots', () => {
  const tables = completionTables(completionModel(ucinderProgram));

  it('knows the nouns and their verbs', () => {
    const verbs = (path: string) => tables.commands.get(`ucinder ${path}`)?.map((command) => command.name);
    expect(verbs('volume group')).toEqual(['create', 'list', 'show', 'set', 'delete', 'failover', 'type', 'snapshot', 'add', 'remove', 'replication', 'help']);
    expect(verbs('volume group replication')).toEqual(['target', 'help']);
    expect(verbs('volume group replication target')).toEqual(['list', 'help']);
    expect(verbs('volume group type')).toEqual(['create', 'list', 'show', 'set', 'unset', 'delete', 'help']);
    expect(verbs('volume group snapshot')).toEqual(['create', 'list', 'show', 'delete', 'help']);
    expect(verbs('volume group add')).toEqual(['volume', 'help']);
    expect(verbs('quota')).toEqual(['show', 'list', 'set', 'delete', 'help']);
  });

  it('completes group, group type and group snapshot names where they are taken', () => {
    expect(tables.args.get('ucinder volume group show')).toEqual(['names:group']);
    expect(tables.args.get('ucinder volume group delete')).toEqual(['names:group...']);
    expect(tables.args.get('ucinder volume group add volume')).toEqual(['names:group', 'names:volume...']);
    expect(tables.args.get('ucinder volume group type set')).toEqual(['names:group-type']);
    expect(tables.args.get('ucinder volume group snapshot create')).toEqual(['names:group']);
    expect(tables.args.get('ucinder volume group replication target list')).toEqual(['names:group']);
    expect(tables.args.get('ucinder volume group snapshot delete')).toEqual(['names:group-snapshot...']);
    expect(tables.values.get('ucinder volume group create|--volume-group-type')).toBe('names:group-type');
    expect(tables.values.get('ucinder volume group create|--volume-type')).toBe('names:type');
    expect(tables.values.get('ucinder volume group create|--source-group')).toBe('names:group');
    expect(tables.values.get('ucinder volume group create|--group-snapshot')).toBe('names:group-snapshot');
    expect(tables.values.get('ucinder volume create|--group')).toBe('names:group');
    expect(tables.values.get('ucinder quota set|--volume-type')).toBe('names:type');
  });
});
