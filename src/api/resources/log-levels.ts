import type { CinderSession } from '../session.js';

/** Dynamic log levels of running services (3.32+), without a restart. */
export const LOG_LEVELS_MIN_VERSION = '3.32';

/** The levels Cinder accepts (cinder.utils.LOG_LEVELS). */
export const LOG_LEVELS = ['INFO', 'WARNING', 'ERROR', 'DEBUG'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** The binaries the log level calls can address; '' and '*' mean all of them. */
export const LOG_BINARIES = ['*', 'cinder-api', 'cinder-volume', 'cinder-scheduler', 'cinder-backup'] as const;

export interface LogLevelTarget {
  /** A binary of LOG_BINARIES; all when absent. */
  binary?: string;
  /** A host or a cluster name; every up service when absent. */
  server?: string;
  /** Only loggers whose name starts with this (e.g. cinder.volume); all when absent. */
  prefix?: string;
}

/** One logger of one service. */
export interface LoggerLevel {
  binary: string;
  host: string;
  prefix: string;
  level: string;
}

function body(target: LogLevelTarget): Record<string, string> {
  return { binary: target.binary ?? '', server: target.server ?? '', prefix: target.prefix ?? '' };
}

/** Every logger of every matching (up) service, one row per logger, loggers sorted by name. */
export async function getLogLevels(session: CinderSession, target: LogLevelTarget): Promise<LoggerLevel[]> {
  const services = (await session.put('/os-services/get-log', body(target))).items('log_levels');
  return services.flatMap((service) => {
    const binary = service.string('binary');
    const host = service.string('host');
    const levels = service.object<Record<string, string>>('levels');
    return Object.keys(levels)
      .sort()
      .map((prefix) => ({ binary, host, prefix, level: levels[prefix]! }));
  });
}

/** Asynchronous for the services behind RPC: a get right after may still show the old level. */
export async function setLogLevels(session: CinderSession, level: LogLevelName, target: LogLevelTarget): Promise<void> {
  await session.put('/os-services/set-log', { level, ...body(target) });
}
