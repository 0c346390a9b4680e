import { describe, expect, it } from 'vitest';
import { mockCinderPerTest, run } from '../../helpers/harness.js';
import { completionModel, type CommandModel } from '../../../../src/completion/command-model.js';
import { realProgram } from '../../completion/helpers.js';

describe('volume qos: bad input is a usage error before any request', () => {
  const mock = mockCinderPerTest();

  it.each([
    [['create', '--consumer', 'hypervisor', 'x'], "ucinder: option '--consumer <consumer>' argument 'hypervisor' is invalid. Allowed choices are front-end, back-end, both.\n"],
    [['create', '--property', 'novalue', 'x'], "ucinder: option '--property <key=value>' argument 'novalue' is invalid. expected key=value, got 'novalue'.\n"],
    [['set', 'x'], 'ucinder: nothing to change: give --property or --no-property\n'],
    [['unset', 'x'], 'ucinder: nothing to unset: give --property KEY\n'],
    [['disassociate', 'x'], 'ucinder: give --volume-type TYPE or --all\n'],
    [['disassociate', '--all', '--volume-type', 'gold', 'x'], "ucinder: option '--volume-type <volume-type>' cannot be used with option '--all'\n"],
    [['associate', 'x'], "ucinder: missing required argument 'volume-type'\n"],
    [['delete'], "ucinder: missing required argument 'qos-spec'\n"],
  ])('volume qos %j', async (words, stderr) => {
    expect(await run(['volume', 'qos', ...words], mock.agent)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('completes QoS names for <qos-spec> and type names for <volume-type>', async () => {
    const find = (root: CommandModel, path: string[]) => path.reduce((node, word) => node.subcommands.find((sub) => sub.name === word)!, root);
    const model = completionModel(await realProgram());
    expect(find(model.root, ['volume', 'qos', 'associate']).args.map((arg) => arg.value)).toEqual([
      { kind: 'names', names: 'qos' },
      { kind: 'names', names: 'type' },
    ]);
    expect(find(model.root, ['volume', 'qos', 'delete']).args[0]!.value).toEqual({ kind: 'names', names: 'qos' });
    const disassociate = find(model.root, ['volume', 'qos', 'disassociate']).options;
    expect(disassociate.find((option) => option.flags.includes('--volume-type'))?.value).toEqual({ kind: 'names', names: 'type' });
  });
});
