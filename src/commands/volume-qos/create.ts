import { Option, type Command } from 'commander';
import { createQosSpec, QOS_CONSUMERS, type QosConsumer } from '../../api/resources/qos-specs.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { keyValue, resourceName } from '../../cli/option-parsers.js';
import { qosSpecDetails } from '../../cli/views/qos-spec.js';

interface Options {
  consumer: QosConsumer;
  property?: Record<string, string>;
}

export function registerQosCreate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'create <name>',
      summary: 'Create a QoS specification',
      output: 'details',
      examples: [
        'ucinder volume qos create --consumer front-end --property read_iops_sec=500 --property write_iops_sec=200 limited',
        'ucinder volume qos create --consumer back-end --property maxIOPS=1000 array-limit',
      ],
      configure: (command) => {
        command.registeredArguments[0]?.argParser(resourceName);
        command
          .addOption(new Option('--consumer <consumer>', 'who enforces it: front-end (the hypervisor), back-end (the array) or both').choices(QOS_CONSUMERS).default('both'))
          .option('--property <key=value>', 'a QoS property (repeatable), e.g. total_iops_sec=1000', keyValue);
      },
      run: async ({ f, options, args }) => {
        const session = await f.session();
        return qosSpecDetails(await createQosSpec(session, args[0]!, options.consumer, options.property ?? {}));
      },
    },
    factoryFor,
  );
}
