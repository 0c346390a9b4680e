import { listServices } from '../../api/resources/services.js';
import type { CinderSession } from '../../api/session.js';
import type { Service } from '../../api/resources/services.js';
import type { StatusTarget } from '../../api/wait.js';
import { WaitError } from '../../errors.js';
import type { Factory } from '../factory.js';
import { waitWithProgress, type WaitFlags } from './progress.js';

/**
 * `volume host failover --wait`: Cinder answers 202 and the volume service
 * fails over in the background; its service rows say how it went. While
 * they read `failing-over` it is under way; then the active backend either
 * is the one asked for, or the service refused (an unknown target leaves
 * the old one; a driver error leaves `failover-error` and a disabled service).
 */

interface FailoverTarget {
  host?: string;
  cluster?: string;
}

const FAILING_OVER = 'failing-over';

/** The up cinder-volume services the failover changes: the host's, or the cluster's. */
function concerned(services: Service[], target: FailoverTarget): Service[] {
  return services.filter((service) => service.state === 'up' && (target.host !== undefined ? service.host === target.host : service.cluster === target.cluster));
}

/** Cinder stores '' (or null on some releases) for the default backend after a failback. */
function activeBackend(service: Service): string {
  return service.active_backend_id || 'default';
}

function summary(services: Service[]): string {
  if (services.length === 0) return 'no service up';
  const statuses = [...new Set(services.map((service) => `${service.replication_status ?? 'unknown'}, active backend ${activeBackend(service)}`))];
  return statuses.join('; ');
}

export async function waitForFailover(f: Factory, session: CinderSession, target: FailoverTarget, backendId: string, flags: WaitFlags): Promise<Service[]> {
  const label = target.host !== undefined ? `host ${target.host}` : `cluster ${target.cluster}`;
  const poll: StatusTarget<Service[]> = {
    label,
    fetch: async () => concerned(await listServices(session, { binary: 'cinder-volume' }), target),
    status: (services) => (services.length && services.every((service) => service.replication_status !== FAILING_OVER) ? 'done' : `${FAILING_OVER} (${summary(services)})`),
    done: ['done'],
    failed: () => false,
  };
  const services = await waitWithProgress(f, poll, flags, {
    start: `Waiting for ${label} to fail over to ${backendId}`,
    done: `${label}: failover finished`,
  });
  const wrong = services.filter((service) => activeBackend(service) !== backendId || service.replication_status === 'failover-error');
  if (wrong.length) {
    throw new WaitError(
      `${label} did not fail over to ${backendId}: ${summary(wrong)}` +
        (wrong[0]?.replication_status === 'failover-error' && wrong[0].disabled_reason ? ` (${wrong[0].disabled_reason})` : '') +
        "; the volume service's log says why",
    );
  }
  return services;
}
