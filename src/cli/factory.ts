import { readFile } from 'node:fs/promises';
import { discoverVersionRange } from '../api/discovery.js';
import { ApiError, BadResponseError } from '../api/errors.js';
import { HttpClient, type DebugLog } from '../api/http.js';
import { BASE_VERSION, negotiateMicroversion, parsePinnedVersion, type VersionRange } from '../api/microversion.js';
import { CinderSession } from '../api/session.js';
import { createTransport, type Transport } from '../api/transport.js';
import { endpointRoot } from '../auth/endpoint.js';
import type { AuthPlugin } from '../auth/plugin.js';
import { selectAuthPlugin } from '../auth/select.js';
import { UsageError } from '../errors.js';
import type { IOStreams } from '../output/iostreams.js';
import { DiscoveryCache } from '../state/discovery-cache.js';
import { cacheDir, type Env } from '../state/paths.js';
import type { HostFacts } from '../host/connector.js';
import type { DeviceProbe } from '../host/device-probe.js';
import type { CommandRunner } from '../host/runner.js';
import { VERSION } from '../version.js';
import type { Confirmer } from './confirm.js';
import type { Settings } from './settings.js';

/** What tests (or main) inject; everything else is built lazily from it. */
export interface FactoryDeps {
  io: IOStreams;
  env: Env;
  /** A transport over an undici MockAgent in tests; the real Agent otherwise. */
  transport?: Transport;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** Runs host commands (iscsiadm, rbd, nvme); a recording fake in tests. */
  runner?: CommandRunner;
  /** Looks at /dev and /sys; a fake in tests. */
  deviceProbe?: DeviceProbe;
  /** Hostname, initiator name, routes for the connector; fixed in tests. */
  hostFacts?: HostFacts;
  /** Asks yes/no questions on the terminal; scripted in tests. */
  confirm?: Confirmer;
}

/**
 * Lazily builds what a command needs: nothing is constructed (or imported)
 * until a command asks for it, so `--help` never loads the HTTP stack.
 */
export class Factory {
  private sessionPromise?: Promise<CinderSession>;
  private http?: HttpClient;
  private httpPromise?: Promise<HttpClient>;
  private effective?: Promise<Settings>;
  private plugin?: Promise<AuthPlugin>;

  constructor(
    readonly deps: FactoryDeps,
    readonly settings: Settings,
  ) {}

  get io(): IOStreams {
    return this.deps.io;
  }

  get env(): Env {
    return this.deps.env;
  }

  get debug(): DebugLog | undefined {
    return this.settings.debug ? (line) => this.io.stderr.write(`DEBUG: ${line}\n`) : undefined;
  }

  /** Writes a warning line on stderr. */
  warn(message: string): void {
    this.io.stderr.write(`ucinder: warning: ${message}\n`);
  }

  /** The host command runner (loaded on first use: most commands never touch the host). */
  async runner(): Promise<CommandRunner> {
    if (this.deps.runner) return this.deps.runner;
    const { ProcessRunner } = await import('../host/runner.js');
    this.deps.runner = new ProcessRunner({ env: this.env, signal: this.deps.signal });
    return this.deps.runner;
  }

  async deviceProbe(): Promise<DeviceProbe> {
    if (this.deps.deviceProbe) return this.deps.deviceProbe;
    const { SysfsDeviceProbe } = await import('../host/device-probe.js');
    this.deps.deviceProbe = new SysfsDeviceProbe();
    return this.deps.deviceProbe;
  }

  async hostFacts(): Promise<HostFacts> {
    return this.deps.hostFacts ?? (await import('../host/connector.js')).systemHostFacts;
  }

  session(): Promise<CinderSession> {
    this.sessionPromise ??= this.openSession();
    return this.sessionPromise;
  }

  async close(): Promise<void> {
    await this.http?.close().catch(() => undefined);
  }

  /**
   * The settings with --os-cloud's clouds.yaml entry filled in. The loader
   * is imported only when a cloud is named; the parsed files are cached
   * (unless --no-cache) so that a warm command does not parse YAML.
   */
  effectiveSettings(): Promise<Settings> {
    this.effective ??= (async () => {
      if (!this.settings.cloud) return this.settings;
      const [{ readCloudsFiles }, { CloudsCache }, { loadCloud }, { applyCloud }] = await Promise.all([
        import('../state/clouds-files.js'),
        import('../state/clouds-cache.js'),
        import('../auth/clouds/clouds-config.js'),
        import('../auth/clouds/apply-cloud.js'),
      ]);
      const cache = this.settings.useCache ? new CloudsCache(cacheDir(this.env)) : undefined;
      const cloud = await loadCloud(this.settings.cloud, await readCloudsFiles(this.env), cache);
      this.debug?.(`cloud '${cloud.name}' from ${cloud.files.join(' + ')}`);
      return applyCloud(this.settings, cloud);
    })();
    return this.effective;
  }

  /** The auth plugin of the effective settings (Keystone types load their code on first use). */
  authPlugin(): Promise<AuthPlugin> {
    this.plugin ??= this.effectiveSettings().then((settings) =>
      selectAuthPlugin(settings.auth, {
        http: () => this.httpClient(),
        tokenCacheDir: settings.useCache ? cacheDir(this.env) : undefined,
        now: this.deps.now,
        debug: this.debug,
      }),
    );
    return this.plugin;
  }

  private async openSession(): Promise<CinderSession> {
    const settings = await this.effectiveSettings();
    const pinned = settings.volumeApiVersion ? parsePinnedVersion(settings.volumeApiVersion) : undefined;
    const plugin = await this.authPlugin();
    // Keystone plugins load their module while the transport is built.
    const [http, auth] = await Promise.all([this.httpClient(), plugin.authenticate()]);
    const range = await this.versionRange(http, endpointRoot(auth.endpoint));
    const version = range ? negotiateMicroversion(range, pinned) : (pinned ?? BASE_VERSION);
    this.debug?.(`using Block Storage API ${version.major}.${version.minor} at ${auth.endpoint}`);
    return new CinderSession(http, plugin, version, auth);
  }

  /** One HTTP client per invocation, shared by Keystone and Cinder requests. */
  private httpClient(): Promise<HttpClient> {
    this.httpPromise ??= this.buildHttpClient();
    return this.httpPromise;
  }

  private async buildHttpClient(): Promise<HttpClient> {
    const settings = await this.effectiveSettings();
    if (settings.insecure) this.warn('TLS certificate verification is disabled (--insecure)');
    const transport = this.deps.transport ?? (await createTransport({
      insecure: settings.insecure,
      caCertificates: await this.readCaFile(settings.cacertFile),
    }));
    this.http = new HttpClient({
      transport,
      timeoutMs: this.settings.timeoutMs,
      userAgent: `ucinder/${VERSION}`,
      debug: this.debug,
      sleep: this.deps.sleep,
      now: this.deps.now,
      signal: this.deps.signal,
    });
    return this.http;
  }

  private async readCaFile(file: string | undefined): Promise<string | undefined> {
    if (!file) return undefined;
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --os-cacert '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }

  /**
   * The server's microversion range, from the on-disk cache when fresh.
   * Undefined when the root does not publish one (e.g. a proxy that only
   * forwards /v3): then we use the pin or plain 3.0, which every v3 server takes.
   */
  private async versionRange(http: HttpClient, root: string): Promise<VersionRange | undefined> {
    const cache = this.settings.useCache ? new DiscoveryCache(cacheDir(this.env), this.deps.now) : undefined;
    const cached = await cache?.get(root);
    if (cached) return cached;
    try {
      const range = await discoverVersionRange(http, root);
      await cache?.put(root, range);
      return range;
    } catch (error) {
      if (error instanceof ApiError || error instanceof BadResponseError) {
        this.debug?.(`version discovery at ${root} failed (${error.message}); falling back to 3.0`);
        return undefined;
      }
      throw error;
    }
  }
}
