import type { Pool } from '../../api/resources/pools.js';
import type { Service } from '../../api/resources/services.js';
import { DEFAULT_POOL_THRESHOLD, DEFAULT_STUCK_AFTER, diagnose } from '../../cli/status/diagnose.js';
import { durationSeconds, percentage } from '../../cli/status/duration.js';
import { gatherCloudState } from '../../cli/status/gather.js';
import { countBySeverity, overallHealth, sortProblems, type Problem, type Severity } from '../../cli/status/problem.js';
import { ageText, CAPACITY_WIDTH, capacityBar, cellText } from '../cells.js';
import type { Row, Section, Tone, ViewSpec } from '../view.js';

const STUCK_AFTER_MS = durationSeconds(DEFAULT_STUCK_AFTER) * 1000;
const POOL_THRESHOLD_PERCENT = percentage(DEFAULT_POOL_THRESHOLD);

const SEVERITY_TONE: Record<Severity, Tone | undefined> = { error: 'error', warning: 'warning', notice: undefined };

/**
 * View 1: `ucinder status`'s problems (its listings, rules and fixes, with
 * its defaults), then the services and the pools those listings read anyway.
 */
export const OVERVIEW: ViewSpec = {
  id: 'overview',
  number: '1',
  title: 'Overview',
  async fetch({ session, allProjects, now }) {
    const state = await gatherCloudState(session, { allProjects, stuckBefore: now - STUCK_AFTER_MS });
    const problems = sortProblems(diagnose(state, { now, poolThresholdPercent: POOL_THRESHOLD_PERCENT }));
    const skipped = state.skipped.map((skipped) => `${skipped.what} not checked: ${skipped.reason}`).join('; ');
    return {
      sections: [problemSection(problems, skipped), serviceSection(state.services, now), poolSection(state.pools)],
      health: { level: overallHealth(problems), summary: countBySeverity(problems) },
    };
  },
};

function problemSection(problems: Problem[], skipped: string): Section {
  return {
    id: 'problems',
    title: 'Problems',
    columns: [{ header: 'Severity' }, { header: 'Resource' }, { header: 'Problem' }, { header: 'Fix' }],
    rows: problems.map(
      (problem): Row => ({
        kind: 'problem',
        key: `${problem.check} ${problem.id}`,
        cells: [problem.severity, `${problem.resource} ${problem.name ?? problem.id}`, problem.problem, problem.fix],
        tone: SEVERITY_TONE[problem.severity],
        item: problem,
      }),
    ),
    empty: 'No problems.',
    note: skipped || undefined,
  };
}

function serviceSection(services: Service[], now: number): Section {
  return {
    id: 'services',
    title: 'Services',
    columns: [{ header: 'Binary' }, { header: 'Host' }, { header: 'State' }, { header: 'Status' }, { header: 'Heartbeat' }],
    rows: services.map((service) => serviceRow(service, [service.binary, service.host, service.state, service.status, ageText(service.updated_at, now)])),
    empty: 'No services.',
  };
}

/** A service row of any view: down is red, disabled yellow. */
export function serviceRow(service: Service, cells: string[]): Row {
  return {
    kind: 'service',
    key: `${service.binary}@${service.host}`,
    cells,
    tone: service.state === 'down' ? 'error' : service.status === 'disabled' ? 'warning' : undefined,
    item: service,
  };
}

function poolSection(pools: Pool[]): Section {
  return {
    id: 'pools',
    title: 'Pools',
    columns: [
      { header: 'Pool' },
      { header: 'Capacity', minWidth: CAPACITY_WIDTH },
      { header: 'Free GiB', numeric: true },
      { header: 'Allocated GiB', numeric: true },
      { header: 'Total GiB', numeric: true },
    ],
    rows: pools.map((pool): Row => {
      const capabilities = pool.capabilities ?? {};
      const capacity = capacityBar(capabilities.total_capacity_gb, capabilities.free_capacity_gb, POOL_THRESHOLD_PERCENT);
      const numbers = [capabilities.free_capacity_gb, capabilities.allocated_capacity_gb, capabilities.total_capacity_gb];
      return {
        kind: 'pool',
        key: pool.name,
        cells: [pool.name, capacity.text, ...numbers.map((value) => cellText(value))],
        sortValues: [pool.name, numberOrNull(capabilities.total_capacity_gb, capabilities.free_capacity_gb), ...numbers.map((value) => numberOrNull(value))],
        cellTones: [undefined, capacity.tone],
        tone: capabilities.backend_state === 'down' ? 'error' : undefined,
        item: pool,
      };
    }),
    empty: 'No pools (the scheduler reports none).',
  };
}

/** A number to sort by; with `free`, the used fraction of `total`. */
function numberOrNull(value: unknown, free?: unknown): number | null {
  const number = Number(value);
  if (value === null || value === undefined || !Number.isFinite(number)) return null;
  if (free === undefined) return number;
  const freeNumber = Number(free);
  return number > 0 && Number.isFinite(freeNumber) ? (number - freeNumber) / number : null;
}
