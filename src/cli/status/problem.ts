/**
 * One thing `ucinder status` found wrong, with the ucinder command that
 * addresses it. The JSON of `status -f json` is a list of these under the
 * column names of PROBLEM_COLUMNS: keep those stable, monitoring reads them.
 */
export type Severity = 'error' | 'warning' | 'notice';

/** error: broken now; warning: degraded or needs an operator; notice: a resource a user should look at (does not fail --check). */
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'notice'];

type ResourceKind = 'service' | 'cluster' | 'pool' | 'volume' | 'snapshot' | 'backup' | 'attachment';

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
  /**
   * The commands of `fix` that run as they are (words after `ucinder`), in
   * its order: what `ucinder top` offers to run. A command with a
   * placeholder for the operator to fill in is in the text only.
   */
  commands: string[][];
}

/** A part of a fix: the words of a ucinder command (after `ucinder`), or text for a person. */
type FixPart = readonly string[] | string;

/**
 * A fix's text and its runnable commands from one list, so the commands
 * `top` runs are the ones `status` prints: `fixOf(['volume', 'delete', id],
 * '; then …')`. Steps are joined by "; "; a step is text for a person, or
 * text ending in a whole command a person can paste (no placeholders: a
 * unit test parses each one against the command tree).
 */
export function fixOf(...parts: FixPart[]): Pick<Problem, 'fix' | 'commands'> {
  const commands = parts.filter((part): part is readonly string[] => typeof part !== 'string').map((words) => [...words]);
  const fix = parts.map((part) => (typeof part === 'string' ? part : `ucinder ${part.join(' ')}`)).join('');
  return { fix, commands };
}

export const PROBLEM_COLUMNS = ['Severity', 'Check', 'Resource', 'ID', 'Name', 'Problem', 'Since', 'Fix'] as const;

export function problemRow(problem: Problem): (string | null)[] {
  return [problem.severity, problem.check, problem.resource, problem.id, problem.name, problem.problem, problem.since, problem.fix];
}

/** Errors first, then warnings, then notices; within a severity by check, then resource ID. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.check.localeCompare(b.check) || a.id.localeCompare(b.id));
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
