import type { Command } from 'commander';
import { findQosSpec } from '../../api/finders.js';
import { unsetQosKeys } from '../../api/resources/qos-specs.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { repeatable } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerQosUnset(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'unset <qos-spec>',
      summary: 'Remove properties from a QoS specification',
      output: 'none',
      examples: ['ucinder volume qos unset --property read_iops_sec --property write_iops_sec limited'],
      options: { property: repeatable('--property <key>', 'property to remove (repeatable)') },
      run: async ({ f, options, args: [specRef] }) => {
        const keys = options.property ?? [];
        if (!keys.length) throw new UsageError('nothing to unset: give --property KEY');
        const session = await f.session();
        const spec = await findQosSpec(session, specRef, { action: 'change' });
        await unsetQosKeys(session, spec.id, keys);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
