import type { VerbTable } from '../verbs.js';

/** `ucinder completion bash|zsh` (and the hidden `completion names <kind>`). */
export const VERBS: VerbTable = {
  bash: () => import('./script.js').then((m) => (parent, factoryFor) => m.registerCompletionScript(parent, 'bash', factoryFor)),
  zsh: () => import('./script.js').then((m) => (parent, factoryFor) => m.registerCompletionScript(parent, 'zsh', factoryFor)),
  names: () => import('./names.js').then((m) => m.registerCompletionNames),
};
