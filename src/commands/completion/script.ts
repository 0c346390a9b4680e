import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { buildWholeTree } from '../../cli/lazy-tree.js';
import type { CompletionTables } from '../../completion/completion-tables.js';
import { NO_OUTPUT } from '../../output/result.js';

export const COMPLETION_SHELLS = {
  bash: 'Print the bash completion script',
  zsh: 'Print the zsh completion script',
  fish: 'Print the fish completion script',
} as const;
export type CompletionShell = keyof typeof COMPLETION_SHELLS;

/** Each shell's script generator, imported on use. */
const SCRIPTS: Record<CompletionShell, () => Promise<(tables: CompletionTables) => string>> = {
  bash: async () => (await import('../../completion/bash-script.js')).bashScript,
  zsh: async () => (await import('../../completion/zsh-script.js')).zshScript,
  fish: async () => (await import('../../completion/fish-script.js')).fishScript,
};

const EXAMPLES: Record<CompletionShell, string[]> = {
  bash: ['source <(ucinder completion bash)', 'ucinder completion bash > /etc/bash_completion.d/ucinder'],
  zsh: ['ucinder completion zsh > "${fpath[1]}/_ucinder"', 'source <(ucinder completion zsh)'],
  fish: ['ucinder completion fish > ~/.config/fish/completions/ucinder.fish', 'ucinder completion fish | source'],
};

/** The script for `shell`, generated from the live command tree `program`. */
export async function completionScript(program: Command, shell: CompletionShell): Promise<string> {
  const [{ completionModel }, { completionTables }, script] = await Promise.all([
    import('../../completion/command-model.js'),
    import('../../completion/completion-tables.js'),
    SCRIPTS[shell](),
  ]);
  return script(completionTables(completionModel(await buildWholeTree(program))));
}

export function registerCompletionScript(parent: Command, shell: CompletionShell, factoryFor: FactoryProvider): Command {
  const command: Command = defineCommand(
    parent,
    {
      usage: shell,
      summary: COMPLETION_SHELLS[shell],
      output: 'none',
      examples: EXAMPLES[shell],
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
