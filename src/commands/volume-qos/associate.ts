import type { Command } from 'commander';
import { findQosSpec, findVolumeType } from '../../api/finders.js';
import { associateQos } from '../../api/resources/qos-specs.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { NO_OUTPUT } from '../../output/result.js';

export function registerQosAssociate(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<object>(
    parent,
    {
      usage: 'associate <qos-spec> <volume-type>',
      summary: 'Associate a QoS specification with a volume type (volumes of the type get it)',
      output: 'none',
      examples: ['ucinder volume qos associate limited gold'],
      run: async ({ f, args }) => {
        const session = await f.session();
        const spec = await findQosSpec(session, args[0]!, { action: 'change' });
        const type = await findVolumeType(session, args[1]!, { action: 'change' });
        await associateQos(session, spec.id, type.id);
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
}
