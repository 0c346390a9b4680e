import type { Command } from 'commander';
import { findQosSpec, findVolumeType } from '../../api/finders.js';
import { associateQos } from '../../api/resources/qos-specs.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerQosAssociate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'associate <qos-spec> <volume-type>',
      summary: 'Associate a QoS specification with a volume type (volumes of the type get it)',
      output: 'none',
      examples: ['ucinder volume qos associate limited gold'],
      run: async ({ f, args: [specRef, typeRef] }) => {
        const session = await f.session();
        const spec = await findQosSpec(session, specRef, { action: 'change' });
        const type = await findVolumeType(session, typeRef, { action: 'change' });
        await associateQos(session, spec.id, type.id);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
