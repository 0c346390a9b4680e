/**
 * One thing `ucinder status` found wrong, with the ucinder command that
 * addresses it. The JSON of `status -f json` is a list of these under the
 * column names of PROBLEM_COLUMNS: keep those stable, monitoring reads them.
 */
export type Severity = 'error' | 'warning' | 'notice';

/** error: broken now; warning: degraded or needs an operator; notice: a resource a user should look at (does not fail --check). */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'notice'];

export type ResourceKind = 'service' | 'cluster' | 'pool' | 'volume' | 'snapshot' | 'backup' | 'attachment';

export interface Problem {
  severity: Severity;
  /** A stable identifier of the check, e.g. service-down, volume-stuck. */
  check: string;
  resource: ResourceKind;
  /** The resource's ID; for services `binary@host`, for pools the pool name. */
  id: string;
  name: string | null;
  /** One sentence for humans. */
  problem: string;
  /** The timestamp the problem is dated from (updated_at, last heartbeat), ISO, UTC; null when unknown. */
  since: string | null;
  /** The ucinder command(s) that address it. */
  fix: string;
}

export const PROBLEM_COLUMNS = ['Severity', 'Check', 'Resource', 'ID', 'Name', 'Problem', 'Since', 'Fix'] as const;

export function problemRow(problem: Problem): (string | null)[] {
  return [problem.severity, problem.check, problem.resource, problem.id, problem.name, problem.problem, problem.since, problem.fix];
}

/** Errors first, then warnings, then notices; within a severity by check, then resource ID. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.check.localeCompare(b.check) ||
      a.id.localeCompare(b.id),
  );
}

/** ceph's words for the overall state: HEALTH_OK, HEALTH_WARN (warnings only), HEALTH_ERR. */
export function overallHealth(problems: readonly Problem[]): 'HEALTH_OK' | 'HEALTH_WARN' | 'HEALTH_ERR' {
  if (problems.some((problem) => problem.severity === 'error')) return 'HEALTH_ERR';
  if (problems.some((problem) => problem.severity === 'warning')) return 'HEALTH_WARN';
  return 'HEALTH_OK';
}

/** "2 errors, 1 warning, 3 notices" (only the severities present); "no problems" when none. */
export function countBySeverity(problems: readonly Problem[]): string {
  const parts = SEVERITY_ORDER.flatMap((severity) => {
    const count = problems.filter((problem) => problem.severity === severity).length;
    return count ? [`${count} ${severity}${count === 1 ? '' : 's'}`] : [];
  });
  return parts.length ? parts.join(', ') : 'no problems';
}

/**
 * How the steps of a fix are joined: "ucinder a; then ucinder b". A step is
 * prose, or prose ending in a whole ucinder command line that can be pasted
 * as it is (real IDs and names, no placeholders).
 */
export const FIX_SEPARATOR = '; ';

/** The fix's steps: a step's text before its command says when to run it ("if the node is gone for good: "). */
export function fixText(...steps: string[]): string {
  return steps.join(FIX_SEPARATOR);
}

/** The ucinder command lines of a fix, in order. */
export function fixCommands(fix: string): string[] {
  return fix.split(FIX_SEPARATOR).flatMap((step) => (step.includes('ucinder ') ? [step.slice(step.indexOf('ucinder '))] : []));
}
