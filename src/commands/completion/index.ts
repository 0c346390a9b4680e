import type { VerbTable } from '../verbs.js';

/** `ucinder completion bash|zsh|fish` (and the hidden `completion names <kind>`). */
export const VERBS: VerbTable = {
  bash: () => import('./script.js').then((m) => (parent, factoryFor) => m.registerCompletionScript(parent, 'bash', factoryFor)),
  zsh: () => import('./script.js').then((m) => (parent, factoryFor) => m.registerCompletionScript(parent, 'zsh', factoryFor)),
  fish: () => import('./script.js').then((m) => (parent, factoryFor) => m.registerCompletionScript(parent, 'fish', factoryFor)),
  names: () => import('./names.js').then((m) => m.registerCompletionNames),
};
