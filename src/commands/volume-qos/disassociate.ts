import { Option, type Command } from 'commander';
import { findQosSpec, findVolumeType } from '../../api/finders.js';
import { disassociateAllQos, disassociateQos } from '../../api/resources/qos-specs.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

interface Options {
  volumeType?: string;
  all?: boolean;
}

export function registerQosDisassociate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'disassociate <qos-spec>',
      summary: 'Disassociate a QoS specification from one volume type or from all of them',
      output: 'none',
      examples: ['ucinder volume qos disassociate --volume-type gold limited', 'ucinder volume qos disassociate --all limited'],
      configure: (command) =>
        command
          .addOption(new Option('--volume-type <volume-type>', 'the volume type (name or ID) to disassociate it from').conflicts('all'))
          .option('--all', 'disassociate it from every volume type'),
      run: async ({ f, options, args }) => {
        // openstack silently does nothing without either; that is a mistake worth saying.
        if (options.volumeType === undefined && !options.all) throw new UsageError('give --volume-type TYPE or --all');
        const session = await f.session();
        const spec = await findQosSpec(session, args[0]!, { action: 'change' });
        if (options.all) {
          await disassociateAllQos(session, spec.id);
        } else {
          const type = await findVolumeType(session, options.volumeType!, { action: 'change' });
          await disassociateQos(session, spec.id, type.id);
        }
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
