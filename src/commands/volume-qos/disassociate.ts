import type { Command } from 'commander';
import { findQosSpec, findVolumeType } from '../../api/finders.js';
import { disassociateAllQos, disassociateQos } from '../../api/resources/qos-specs.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { UsageError } from '../../errors.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerQosDisassociate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'disassociate <qos-spec>',
      summary: 'Disassociate a QoS specification from one volume type or from all of them',
      output: 'none',
      examples: ['ucinder volume qos disassociate --volume-type gold limited', 'ucinder volume qos disassociate --all limited'],
      options: {
        volumeType: option('--volume-type <volume-type>', 'the volume type (name or ID) to disassociate it from', { conflicts: 'all' }),
        all: flag('--all', 'disassociate it from every volume type'),
      },
      run: async ({ f, options, args: [specRef] }) => {
        const { volumeType } = options;
        // openstack silently does nothing without either; that is a mistake worth saying.
        if (volumeType === undefined && !options.all) throw new UsageError('give --volume-type TYPE or --all');
        const session = await f.session();
        const spec = await findQosSpec(session, specRef, { action: 'change' });
        if (volumeType === undefined) {
          await disassociateAllQos(session, spec.id);
        } else {
          const type = await findVolumeType(session, volumeType, { action: 'change' });
          await disassociateQos(session, spec.id, type.id);
        }
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
