import type { Command } from 'commander';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { DEFAULT_POOL_THRESHOLD, DEFAULT_STUCK_AFTER, diagnose } from '../../cli/status/diagnose.js';
import { durationSeconds, formatAge, percentage } from '../../cli/status/duration.js';
import { gatherCloudState } from '../../cli/status/gather.js';
import { countBySeverity, overallHealth, PROBLEM_COLUMNS, problemRow, sortProblems } from '../../cli/status/problem.js';
import { UcinderError } from '../../errors.js';
import { listing } from '../../output/result.js';

export function registerStatus(program: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    program,
    {
      usage: 'status',
      summary: "What is wrong with this Cinder, one line per problem, each with the ucinder command that fixes it (like 'ceph health detail')",
      output: 'listing',
      examples: [
        'ucinder status --all-projects',
        'ucinder status --all-projects --stuck-after 30m --pool-threshold 85',
        'ucinder status --all-projects --check -f json   # for cron / monitoring: exit 1 when unhealthy',
      ],
      options: {
        stuckAfter: option('--stuck-after <duration>', 'a transitional status held longer than this is stuck: 30s, 10m, 1h', {
          parse: durationSeconds,
          default: durationSeconds(DEFAULT_STUCK_AFTER),
          defaultHelp: DEFAULT_STUCK_AFTER,
        }),
        poolThreshold: option('--pool-threshold <percent>', 'report pools fuller than this percentage', {
          parse: percentage,
          default: percentage(DEFAULT_POOL_THRESHOLD),
          defaultHelp: `${DEFAULT_POOL_THRESHOLD}%`,
        }),
        allProjects: flag('--all-projects', "check every project's volumes, snapshots, backups and attachments (admin); services and pools are global anyway"),
        check: flag('--check', 'exit 1 when anything is unhealthy (an error or a warning; notices such as volumes in error do not count), 0 when clean'),
      },
      columns: () => PROBLEM_COLUMNS,
      watchable: true,
      run: async ({ f, options, failAfterOutput, noteAfterOutput }) => {
        const session = await f.session();
        const started = Date.now();
        const requestsBefore = session.http.requestCount;
        const now = f.deps.now?.() ?? Date.now();
        const state = await gatherCloudState(session, { allProjects: options.allProjects === true, stuckBefore: now - options.stuckAfter * 1000 });
        const problems = sortProblems(diagnose(state, { now, poolThresholdPercent: options.poolThreshold }));
        f.debug?.(`status: ${session.http.requestCount - requestsBefore} requests in ${Date.now() - started} ms`);
        for (const skipped of state.skipped) f.warn(`status: ${skipped.what} not checked: ${skipped.reason}`);
        const health = overallHealth(problems);
        const summary =
          `${health}: ${countBySeverity(problems)} (stuck after ${formatAge(options.stuckAfter)}, pools above ${options.poolThreshold}%` +
          `${options.allProjects ? ', all projects' : ', this project'})`;
        if (options.check && health !== 'HEALTH_OK') failAfterOutput(new UcinderError(summary));
        else noteAfterOutput(summary);
        return listing(PROBLEM_COLUMNS, problems.map(problemRow));
      },
    },
    factoryFor,
  );
}
