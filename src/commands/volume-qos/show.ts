import type { Command } from 'commander';
import { findQosSpec } from '../../api/finders.js';
import { listQosAssociations } from '../../api/resources/qos-specs.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { qosSpecDetails } from '../../cli/views/qos-spec.js';

export function registerQosShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <qos-spec>',
      summary: 'Show a QoS specification (by name or ID) and the volume types it is associated with',
      output: 'details',
      watchable: true,
      examples: ['ucinder volume qos show limited', 'ucinder volume qos show limited -f json -c properties'],
      run: async ({ f, args: [specRef] }) => {
        const session = await f.session();
        const spec = await findQosSpec(session, specRef);
        return qosSpecDetails(spec, await listQosAssociations(session, spec.id));
      },
    },
    factoryFor,
  );
}
