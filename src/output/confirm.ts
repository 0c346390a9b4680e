import { createInterface } from 'node:readline/promises';

/**
 * Asking the operator before an irreversible host-side change. Only a human
 * at a terminal can answer; scripts must say --yes, so a cron job never
 * hangs on a prompt nobody sees.
 */
export interface Confirmer {
  /** True when stdin and stderr are terminals (someone can answer). */
  readonly interactive: boolean;
  /** Shows the question on stderr; true only for an explicit yes. */
  ask(question: string): Promise<boolean>;
}

export function terminalConfirmer(): Confirmer {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    async ask(question) {
      const prompt = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return isYes(await prompt.question(`${question} [y/N] `));
      } finally {
        prompt.close();
      }
    },
  };
}

export function isYes(answer: string): boolean {
  return /^(y|yes)$/i.test(answer.trim());
}
