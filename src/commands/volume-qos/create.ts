import type { Command } from 'commander';
import { createQosSpec, QOS_CONSUMERS } from '../../api/resources/qos-specs.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { choice, option } from '../../cli/option-spec.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { qosSpecDetails } from '../../cli/views/qos-spec.js';

export function registerQosCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'create <name>',
      argumentParsers: { name: resourceName },
      summary: 'Create a QoS specification',
      output: 'details',
      examples: [
        'ucinder volume qos create --consumer front-end --property read_iops_sec=500 --property write_iops_sec=200 limited',
        'ucinder volume qos create --consumer back-end --property maxIOPS=1000 array-limit',
      ],
      options: {
        consumer: choice('--consumer <consumer>', 'who enforces it: front-end (the hypervisor), back-end (the array) or both', QOS_CONSUMERS, { default: 'both' }),
        property: option('--property <key=value>', 'a QoS property (repeatable), e.g. total_iops_sec=1000', { parse: keyValue }),
      },
      run: async ({ f, options, args: [name] }) => {
        const session = await f.session();
        return qosSpecDetails(await createQosSpec(session, name, options.consumer, options.property ?? {}));
      },
    },
    factoryFor,
  );
}
