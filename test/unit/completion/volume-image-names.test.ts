import { describe, expect, it } from 'vitest';
import { completionModel } from '../../../src/completion/command-model.js';
import { completionTables } from '../../../src/completion/completion-tables.js';
import { realProgram } from './helpers.js';

const tables = completionTables(completionModel(await realProgram()));

describe('completion of image create --volume and volume reimage', () => {
  it('knows the verbs and completes volume names where a volume is taken', () => {
    expect(tables.commands.get('ucinder image')?.map((command) => command.name)).toEqual(['create', 'list', 'help']);
    expect(tables.values.get('ucinder image create|--volume')).toBe('names:volume');
    expect(tables.args.get('ucinder image create')).toEqual(['none']);
    expect(tables.args.get('ucinder volume reimage')).toEqual(['names:volume']);
    expect(tables.values.get('ucinder volume reimage|--image')).toBe('none');
  });

  it("offers openstack's formats and the visibilities as choices", () => {
    expect(tables.values.get('ucinder image create|--disk-format')).toBe('choices:ami,ari,aki,vhd,vmdk,raw,qcow2,vhdx,vdi,iso,ploop');
    expect(tables.values.get('ucinder image create|--container-format')).toBe('choices:ami,ari,aki,bare,docker,ova,ovf');
    expect(tables.values.get('ucinder image create|--visibility')).toBe('choices:public,private,community,shared');
    const flags = tables.options.get('ucinder image create')?.map((option) => option.flag);
    expect(flags).toEqual(expect.arrayContaining(['--force', '--public', '--private', '--community', '--shared', '--protected', '--unprotected', '--wait']));
  });
});
