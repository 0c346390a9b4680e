import { onTestFailed } from 'vitest';

/**
 * A scenario staged step by step on the real test bed (kill a node, clean
 * up, remove its row…) whose tests each run alone (`-t NAME`) as well as in
 * order. A test asks for the stage it needs (`reach`) or performs the next
 * step itself (`perform`, then asserts on what the step kept); the staging
 * brings the bed there from wherever it is: the steps still missing, or all
 * of them again after `reset` when the bed is past that stage or a step
 * failed half-way. Run in order, every step runs once.
 */
export class Staging<Step extends string> {
  /** Index of the last step done (-1: none since the reset); undefined: unknown, reset first. */
  private done: number | undefined;

  constructor(
    private readonly order: readonly Step[],
    private readonly steps: Record<Step, () => Promise<void>>,
    /** Back to a known start (e.g. the cluster stopped and started afresh). */
    private readonly reset: () => Promise<void> | void,
  ) {}

  /** Brings the bed to `step`: done, and no later step done. Called from a test. */
  async reach(step: Step): Promise<void> {
    this.forgetIfFailed();
    await this.advanceTo(this.indexOf(step));
  }

  /** Performs `step` after reaching the one before it: the test about that step calls this. */
  async perform(step: Step): Promise<void> {
    this.forgetIfFailed();
    const index = this.indexOf(step);
    await this.advanceTo(index - 1);
    await this.step(index);
  }

  /** A test that fails may have left the bed anywhere: the next one starts again. */
  private forgetIfFailed(): void {
    onTestFailed(() => this.invalidate());
  }

  /** After a test that changed the bed in a way no step records. */
  invalidate(): void {
    this.done = undefined;
  }

  private async advanceTo(target: number): Promise<void> {
    if (this.done === undefined || this.done > target) {
      await this.reset();
      this.done = -1;
    }
    while (this.done < target) await this.step(this.done + 1);
  }

  /** A step that fails half-way leaves the bed unknown: the next test starts again. */
  private async step(index: number): Promise<void> {
    this.done = undefined;
    await this.steps[this.order[index]!]();
    this.done = index;
  }

  private indexOf(step: Step): number {
    const index = this.order.indexOf(step);
    if (index < 0) throw new Error(`no step '${step}'`);
    return index;
  }
}
