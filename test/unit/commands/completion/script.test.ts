import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generated, REPO_ROOT } from '../../completion/helpers.js';

// The committed scripts are what packagers install; they must match the
// command tree. When this fails after adding a command: npm run completions.
describe('committed completion scripts', () => {
  it.each([
    ['bash', 'completions/ucinder.bash'],
    ['zsh', 'completions/_ucinder'],
    ['fish', 'completions/ucinder.fish'],
  ] as const)('%s: %s is regenerated from the command tree', async (shell, file) => {
    const committed = readFileSync(join(REPO_ROOT, file), 'utf8');
    const fresh = await generated(shell);
    expect(committed === fresh, `${file} is out of date: run \`npm run completions\``).toBe(true);
  });
});
