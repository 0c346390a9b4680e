import type { Arg, CommandOutcome, CommandRunner, RunOptions } from '../../../src/host/runner.js';

/** Records every command and answers with scripted outcomes (one per call, last one repeats). */
export class ScriptedRunner implements CommandRunner {
  readonly calls: { argv: string[]; options?: RunOptions }[] = [];

  constructor(private readonly outcomes: CommandOutcome[]) {}

  async run(argv: readonly Arg[], options?: RunOptions): Promise<CommandOutcome> {
    this.calls.push({ argv: argv.map((arg) => (typeof arg === 'string' ? arg : arg.secret)), options });
    const outcome = this.outcomes[Math.min(this.calls.length - 1, this.outcomes.length - 1)]!;
    const ok = options?.okExitCodes ?? [0];
    if (!ok.includes(outcome.exitCode)) throw new Error(`exit ${outcome.exitCode}`);
    return outcome;
  }
}
