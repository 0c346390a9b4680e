import { Command } from 'commander';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseMicroversion, isAtLeast, type Microversion } from '../../../src/api/microversion.js';
import type { CinderSession } from '../../../src/api/session.js';
import { defineCommand } from '../../../src/cli/command.js';
import type { Factory } from '../../../src/cli/factory.js';
import { commandMinimumMicroversion, optionMinimumMicroversion } from '../../../src/cli/minimum-microversion.js';
import { keyValue, positiveInteger, resourceName } from '../../../src/cli/option-parsers.js';
import { choice, flag, literalNoFlag, negation, option, repeatable, withMinMicroversion } from '../../../src/cli/option-spec.js';
import { UsageError } from '../../../src/errors.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { NO_OUTPUT } from '../../../src/output/result.js';

/**
 * defineCommand on a small tree of its own: a fake factory whose session is
 * at a chosen microversion and counts how often it was opened, so a test
 * sees which checks ran before any request and which after discovery.
 */
function harness(serverVersion = '3.70') {
  const { io, stdout } = bufferIOStreams({ stdoutIsTTY: false, colorEnabled: false, columns: 100 });
  const version = parseMicroversion(serverVersion) as Microversion;
  let sessions = 0;
  const session = {
    microversion: version,
    negotiation: { serverMax: version, pinned: false },
    supports: (wanted: string) => isAtLeast(version, wanted),
  } as unknown as CinderSession;
  const factory = {
    io,
    deps: {},
    env: {},
    session: async () => {
      sessions++;
      return session;
    },
  } as unknown as Factory;
  const program = new Command('ucinder').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  const parent = program.command('thing');
  const parse = (...argv: string[]) => program.parseAsync(['thing', ...argv], { from: 'user' });
  return { parent, parse, factoryFor: () => factory, stdout, sessions: () => sessions };
}

describe('defineCommand: options and arguments declared as data', () => {
  it('gives run the parsed values, typed from the declarations', async () => {
    const { parent, parse, factoryFor } = harness();
    let seen: unknown;
    defineCommand(
      parent,
      {
        usage: 'restore <backup> [volume]',
        argumentParsers: { backup: resourceName },
        summary: 'Restore',
        examples: [],
        output: 'none',
        options: {
          size: option('--size <GiB>', 'size', { parse: positiveInteger }),
          name: option('--name <name>', 'name'),
          property: option('--property <key=value>', 'metadata', { parse: keyValue }),
          mode: choice('--mode <mode>', 'mode', ['rw', 'ro']),
          consumer: choice('--consumer <consumer>', 'who', ['front-end', 'both'], { default: 'both' }),
          force: flag('--force', 'force'),
          apiCheck: negation('--no-api-check', 'skip the check'),
          noProperty: literalNoFlag('--no-property', 'remove every property'),
          key: repeatable('--key <key>', 'keys'),
          binary: option('--binary <binary>', 'binary', { default: 'cinder-volume' }),
          snapshots: flag('--snapshots', 'with snapshots', { negatable: 'without snapshots' }),
        },
        run: async ({ options, args }) => {
          expectTypeOf(options.size).toEqualTypeOf<number | undefined>();
          expectTypeOf(options.name).toEqualTypeOf<string | undefined>();
          expectTypeOf(options.property).toEqualTypeOf<Record<string, string> | undefined>();
          expectTypeOf(options.mode).toEqualTypeOf<'rw' | 'ro' | undefined>();
          expectTypeOf(options.consumer).toEqualTypeOf<'front-end' | 'both'>();
          expectTypeOf(options.force).toEqualTypeOf<boolean | undefined>();
          expectTypeOf(options.apiCheck).toEqualTypeOf<boolean>();
          expectTypeOf(options.key).toEqualTypeOf<string[] | undefined>();
          expectTypeOf(options.binary).toEqualTypeOf<string>();
          expectTypeOf(args).toEqualTypeOf<[string, string | undefined]>();
          seen = { options: { ...options }, args };
          return NO_OUTPUT;
        },
      },
      factoryFor,
    );
    await parse(
      'restore',
      '--size',
      '2',
      '--property',
      'a=1',
      '--property',
      'b=2',
      '--mode',
      'ro',
      '--no-api-check',
      '--no-property',
      '--key',
      'x',
      '--key',
      'y',
      '--no-snapshots',
      'b1',
    );
    expect(seen).toEqual({
      options: {
        size: 2,
        property: { a: '1', b: '2' },
        mode: 'ro',
        consumer: 'both',
        apiCheck: false,
        noProperty: true,
        key: ['x', 'y'],
        binary: 'cinder-volume',
        snapshots: false,
      },
      args: ['b1', undefined],
    });
  });

  it('types a variadic argument as a non-empty list, and a command without options as having none', () => {
    const { parent, factoryFor } = harness();
    defineCommand(
      parent,
      {
        usage: 'delete <volume...>',
        summary: 'Delete',
        examples: [],
        output: 'none',
        run: async ({ options, args }) => {
          expectTypeOf(args).toEqualTypeOf<[[string, ...string[]]]>();
          expectTypeOf(options).toEqualTypeOf<Record<never, never>>();
          return NO_OUTPUT;
        },
      },
      factoryFor,
    );
    expect(parent.commands.map((command) => command.name())).toEqual(['delete']);
  });

  it('refuses a declaration whose key is not what Commander reads, or that names an unknown option', () => {
    const { parent, factoryFor } = harness();
    const base = { summary: 'x', examples: [], output: 'none' as const, run: async () => NO_OUTPUT };
    expect(() => defineCommand(parent, { ...base, usage: 'a', options: { nameOfIt: option('--name <name>', 'name') } }, factoryFor)).toThrow(
      "thing a: option 'nameOfIt' (--name <name>) is read as 'name'",
    );
    expect(() => defineCommand(parent, { ...base, usage: 'b', options: { up: flag('--up', 'up', { conflicts: 'dwon' }) } }, factoryFor)).toThrow(
      "thing b: option 'up' (--up) conflicts with an unknown option",
    );
    expect(() => defineCommand(parent, { ...base, usage: 'c', options: { reason: option('--reason <r>', 'why', { needs: 'disable' }) } }, factoryFor)).toThrow(
      "thing c: option 'reason' (--reason <r>) needs an unknown option 'disable'",
    );
  });
});

describe('defineCommand: minimum microversions', () => {
  const define = (h: ReturnType<typeof harness>, openSession = true) =>
    defineCommand(
      h.parent,
      {
        usage: 'set <thing>',
        summary: 'Change a thing',
        since: '3.13',
        examples: [],
        output: 'none',
        options: {
          name: option('--name <name>', 'new name', { since: '3.20' }),
          replicate: flag('--replicate', 'replicate', { since: { version: '3.38', feature: '--replicate / --no-replicate' } }),
          other: flag('--other', 'no version needed'),
        },
        run: async ({ f }) => {
          if (openSession) await f.session();
          return NO_OUTPUT;
        },
      },
      h.factoryFor,
    );

  it('refuses, once the session is open, a command older than the server supports, with the command path as the feature', async () => {
    const h = harness('3.12');
    define(h);
    await expect(h.parse('set', 'x')).rejects.toThrow('thing set needs Block Storage API microversion 3.13 or later, but this session uses 3.12');
  });

  it('checks a given option after the command, in declaration order, naming its flag or its declared feature', async () => {
    const h = harness('3.19');
    define(h);
    await expect(h.parse('set', '--replicate', '--name', 'n', 'x')).rejects.toThrow('--name needs Block Storage API microversion 3.20 or later');
    const newer = harness('3.20');
    define(newer);
    await expect(newer.parse('set', '--replicate', '--name', 'n', 'x')).rejects.toThrow('--replicate / --no-replicate needs Block Storage API microversion 3.38');
  });

  it('does not check an option that is not given', async () => {
    const h = harness('3.13');
    define(h);
    await h.parse('set', '--other', 'x');
    expect(h.sessions()).toBe(1);
  });

  it('checks nothing before the command opens a session: usage errors of run come first', async () => {
    const h = harness('3.0');
    define(h, false);
    await h.parse('set', '--name', 'n', 'x');
    expect(h.sessions()).toBe(0);
  });

  it('writes the version into the help the same way everywhere, and declares it for the man pages', () => {
    const h = harness();
    const command = define(h);
    expect(command.summary()).toBe('Change a thing (API 3.13+)');
    const name = command.options.find((candidate) => candidate.long === '--name')!;
    expect(name.description).toBe('new name (API 3.20+)');
    expect(commandMinimumMicroversion(command)).toBe('3.13');
    expect(optionMinimumMicroversion(name)).toBe('3.20');
    expect(optionMinimumMicroversion(command.options.find((candidate) => candidate.long === '--other')!)).toBeUndefined();
    expect(withMinMicroversion('metadata (repeatable)', '3.43')).toBe('metadata (repeatable; API 3.43+)');
    expect(withMinMicroversion('new name', '3.9')).toBe('new name (API 3.9+)');
  });
});

describe('defineCommand: checks of a set command before any request', () => {
  const define = (h: ReturnType<typeof harness>, nothingToChange: 'give A, B or C' | 'give at least one of A, B, C') =>
    defineCommand(
      h.parent,
      {
        usage: 'set <thing>',
        summary: 'Change a thing',
        examples: [],
        output: 'none',
        nothingToChange,
        options: {
          name: option('--name <name>', 'new name', { change: true }),
          property: option('--property <key=value>', 'property', { parse: keyValue, change: '--property (or its shortcuts)' }),
          shortcut: flag('--shortcut', 'a property', { change: '--property (or its shortcuts)' }),
          policy: choice('--policy <policy>', 'how', ['never', 'always'], { needs: 'name' }),
          allProjects: flag('--all-projects', 'where to look'),
        },
        run: async ({ f }) => {
          await f.session();
          return NO_OUTPUT;
        },
      },
      h.factoryFor,
    );

  it.each([
    ['give A, B or C', 'nothing to change: give --name or --property (or its shortcuts)'],
    ['give at least one of A, B, C', 'nothing to change: give at least one of --name, --property (or its shortcuts)'],
  ] as const)('without a change (%s): one line listing the changes, no session', async (wording, message) => {
    const h = harness();
    define(h, wording);
    await expect(h.parse('set', '--all-projects', 'x')).rejects.toThrow(new UsageError(message));
    expect(h.sessions()).toBe(0);
  });

  it('an option that needs another fails first, naming both flags', async () => {
    const h = harness();
    define(h, 'give A, B or C');
    await expect(h.parse('set', '--policy', 'never', 'x')).rejects.toThrow(new UsageError('--policy needs --name'));
    expect(h.sessions()).toBe(0);
  });

  it('any one change is enough', async () => {
    const h = harness();
    define(h, 'give A, B or C');
    await h.parse('set', '--shortcut', 'x');
    expect(h.sessions()).toBe(1);
  });
});
