import type { Command } from 'commander';
import { findQosSpec } from '../../api/finders.js';
import { unsetQosKeys } from '../../api/resources/qos-specs.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { collect } from '../../cli/option-parsers.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  property?: string[];
}

export function registerQosUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'unset <qos-spec>',
      summary: 'Remove properties from a QoS specification',
      output: 'none',
      examples: ['ucinder volume qos unset --property read_iops_sec --property write_iops_sec limited'],
      configure: (command) => command.option('--property <key>', 'property to remove (repeatable)', collect),
      run: async ({ f, options, args }) => {
        const keys = options.property ?? [];
        if (!keys.length) throw new UsageError('nothing to unset: give --property KEY');
        const session = await f.session();
        const spec = await findQosSpec(session, args[0]!, { action: 'change' });
        await unsetQosKeys(session, spec.id, keys);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
