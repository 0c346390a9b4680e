import type { Command } from 'commander';
import { findQosSpec } from '../../api/finders.js';
import { setQosKeys, unsetQosKeys } from '../../api/resources/qos-specs.js';
import { applyChanges, type Change } from '../../cli/change-set.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { noPropertyFlag } from '../../cli/no-property-option.js';
import { keyValue } from '../../cli/option-parsers.js';
import { option } from '../../cli/option-spec.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerQosSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <qos-spec>',
      summary: 'Add or change the properties of a QoS specification',
      output: 'none',
      examples: ['ucinder volume qos set --property read_iops_sec=1000 limited', 'ucinder volume qos set --no-property --property total_iops_sec=500 limited'],
      nothingToChange: 'give A, B or C',
      options: {
        property: option('--property <key=value>', 'add or change a property (repeatable)', { parse: keyValue, change: true }),
        noProperty: noPropertyFlag({ change: true }),
      },
      run: async ({ f, options, args: [specRef] }) => {
        const { property, noProperty } = options;
        const session = await f.session();
        const spec = await findQosSpec(session, specRef, { action: 'change' });
        const changes: Change[] = [];
        // openstack's order: clear, then set, so --no-property --property replaces the properties.
        const existing = Object.keys(spec.specs ?? {});
        if (noProperty && existing.length) changes.push({ what: 'remove the properties', apply: () => unsetQosKeys(session, spec.id, existing) });
        if (property) changes.push({ what: 'set properties', apply: () => setQosKeys(session, spec.id, property) });
        await applyChanges(f, `QoS specification '${spec.name}'`, changes);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
