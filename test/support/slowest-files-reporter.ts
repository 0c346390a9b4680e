import { relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * Lists the ten slowest test files once a run ends (`npm test` adds it to
 * vitest's default reporter): where the suite's time goes, run after run,
 * so a slow test is seen when it lands. A file's time is what its worker
 * spent on it: loading it (collect) and running its tests and hooks.
 */
export default class SlowestFilesReporter implements Reporter {
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const files = testModules.map((module) => {
      const { collectDuration, duration } = module.diagnostic();
      return { file: relative(this.root, module.moduleId), project: module.project.name, collect: collectDuration, total: collectDuration + duration };
    });
    if (!files.length) return;
    const slowest = files.sort((a, b) => b.total - a.total).slice(0, 10);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const lines = slowest.map(
      (entry) => `  ${seconds(entry.total).padStart(8)}  ${entry.file} (${entry.project}${entry.collect >= 1000 ? `, ${seconds(entry.collect)} loading` : ''})`,
    );
    process.stdout.write(`\n Slowest test files (of ${files.length}):\n${lines.join('\n')}\n`);
  }
}
