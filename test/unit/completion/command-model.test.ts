import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { completionModel, type CommandModel } from '../../../src/completion/command-model.js';
import { completionTables } from '../../../src/completion/completion-tables.js';
import { realProgram } from './helpers.js';

const ucinderProgram = await realProgram();

function find(root: CommandModel, path: string[]): CommandModel {
  let node = root;
  for (const word of path) {
    const next = node.subcommands.find((sub) => sub.name === word);
    if (!next) throw new Error(`no command '${path.join(' ')}' (stuck at '${word}')`);
    node = next;
  }
  return node;
}

describe('completion model from a Commander tree', () => {
  const program = new Command('demo');
  program.option('--os-endpoint <url>', 'endpoint').addOption(new Option('--mode <mode>', 'mode').choices(['a', 'b']));
  const thing = program.command('thing').summary('Things');
  thing.command('show <volume>').option('--snapshot <snapshot>', 'from').option('--name <name>', 'free text');
  thing.command('delete <volume...>').alias('rm');
  thing.command('attach <type> <host>').option('--cert <file>', 'certificate');
  program.command('secret', { hidden: true });
  thing.addOption(new Option('--hidden-flag').hideHelp());

  const model = completionModel(program);

  it('reads the value kind off argument and option value names', () => {
    expect(find(model.root, ['thing', 'show']).args).toEqual([{ name: 'volume', variadic: false, value: { kind: 'names', names: 'volume' } }]);
    expect(find(model.root, ['thing', 'delete']).args[0]).toEqual({ name: 'volume', variadic: true, value: { kind: 'names', names: 'volume' } });
    expect(find(model.root, ['thing', 'attach']).args.map((arg) => arg.value)).toEqual([
      { kind: 'names', names: 'type' },
      { kind: 'names', names: 'host' },
    ]);
    const options = find(model.root, ['thing', 'show']).options;
    expect(options.find((option) => option.flags.includes('--snapshot'))?.value).toEqual({ kind: 'names', names: 'snapshot' });
    expect(options.find((option) => option.flags.includes('--name'))?.value).toEqual({ kind: 'none' });
    expect(find(model.root, ['thing', 'attach']).options.find((option) => option.flags.includes('--cert'))?.value).toEqual({ kind: 'files' });
  });

  it('keeps choices, global options and aliases; leaves hidden commands and options out', () => {
    expect(model.globalOptions.map((option) => option.flags)).toEqual([['--os-endpoint'], ['--mode']]);
    expect(model.globalOptions[1]!.value).toEqual({ kind: 'choices', choices: ['a', 'b'] });
    expect(model.root.subcommands.map((sub) => sub.name)).not.toContain('secret');
    expect(find(model.root, ['thing']).options.flatMap((option) => option.flags)).not.toContain('--hidden-flag');
    const tables = completionTables(model);
    expect(tables.aliases.get('demo thing|rm')).toBe('delete');
    expect(tables.args.get('demo thing delete')).toEqual(['names:volume...']);
    expect(tables.values.get('.|--mode')).toBe('choices:a,b');
    expect(tables.values.get('demo thing show|--snapshot')).toBe('names:snapshot');
  });
});

describe('completion model of ucinder', () => {
  const tables = completionTables(completionModel(ucinderProgram));

  it('knows the output formats and quote modes per command kind', () => {
    expect(tables.values.get('ucinder volume list|-f')).toBe('choices:table,json,yaml,value,csv');
    expect(tables.values.get('ucinder volume show|--format')).toBe('choices:table,json,yaml,value,shell');
    expect(tables.values.get('ucinder volume list|--quote')).toBe('choices:all,minimal,none,nonnumeric');
    expect(tables.values.get('.|--os-auth-type')).toBe('choices:noauth,admin_token,token_endpoint,password,v3password,v3applicationcredential,v3token,token');
  });

  it('completes names where the usage names a resource', () => {
    expect(tables.args.get('ucinder volume show')).toEqual(['names:volume']);
    expect(tables.args.get('ucinder volume delete')).toEqual(['names:volume...']);
    expect(tables.args.get('ucinder volume type show')).toEqual(['names:type']);
    expect(tables.args.get('ucinder type show')).toEqual(['names:type']);
    expect(tables.values.get('ucinder volume create|--type')).toBe('names:type');
    expect(tables.values.get('ucinder volume create|--source')).toBe('names:volume');
    expect(tables.values.get('ucinder volume create|--snapshot')).toBe('names:snapshot');
    expect(tables.values.get('ucinder volume service list|--host')).toBe('names:host');
    expect(tables.args.get('ucinder volume create')).toEqual(['none']);
    expect(tables.args.get('ucinder help')).toEqual(['commands...']);
  });

  it('offers completion bash and zsh but not the hidden names command', () => {
    expect(tables.commands.get('ucinder completion')?.map((sub) => sub.name)).toEqual(expect.arrayContaining(['bash', 'zsh']));
    expect(tables.commands.get('ucinder completion')?.map((sub) => sub.name)).not.toContain('names');
  });
});
