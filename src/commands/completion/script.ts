import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { NO_OUTPUT } from '../../output/result.js';

export const COMPLETION_SHELLS = {
  bash: 'Print the bash completion script',
  zsh: 'Print the zsh completion script',
} as const;
export type CompletionShell = keyof typeof COMPLETION_SHELLS;

/** The script for `shell`, generated from the live command tree `program`. */
export async function completionScript(program: Command, shell: CompletionShell): Promise<string> {
  const [{ completionModel }, { completionTables }, { bashScript }, { zshScript }] = await Promise.all([
    import('../../completion/command-model.js'),
    import('../../completion/completion-tables.js'),
    import('../../completion/bash-script.js'),
    import('../../completion/zsh-script.js'),
  ]);
  const tables = completionTables(completionModel(program));
  return shell === 'bash' ? bashScript(tables) : zshScript(tables);
}

export function registerCompletionScript(parent: Command, shell: CompletionShell, factoryFor: FactoryProvider): Command {
  const command: Command = defineCommand(
    parent,
    {
      usage: shell,
      summary: COMPLETION_SHELLS[shell],
      output: 'none',
      examples:
        shell === 'bash'
          ? ['source <(ucinder completion bash)', 'ucinder completion bash > /etc/bash_completion.d/ucinder']
          : ['ucinder completion zsh > "${fpath[1]}/_ucinder"', 'source <(ucinder completion zsh)'],
      run: async ({ f }) => {
        // A script is the command's data, printed verbatim (no -f formats apply).
        f.io.stdout.write(await completionScript(rootOf(command), shell));
        return NO_OUTPUT;
      },
    },
    factoryFor,
  );
  return command;
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}
