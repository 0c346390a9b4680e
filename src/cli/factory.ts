import { discoverVersionRange } from '../api/discovery.js';
import { ApiError, BadResponseError } from '../http/errors.js';
import { HttpClient, type DebugLog } from '../http/http.js';
import { BASE_VERSION, negotiateMicroversion, parsePinnedVersion, type VersionRange } from '../api/microversion.js';
import { CinderSession } from '../api/session.js';
import { createTransport, type Transport } from '../http/transport.js';
import { endpointRoot } from '../auth/endpoint.js';
import type { AuthPlugin, AuthResult } from '../api/auth-plugin.js';
import type { GlanceClient } from '../api/glance.js';
import { selectAuthPlugin } from '../auth/select.js';
import type { IOStreams } from '../output/iostreams.js';
import { readCaBundle } from '../state/ca-bundle.js';
import type { DiscoveryCache } from '../state/discovery-cache.js';
import { cacheDir } from '../state/paths.js';
import type { Env } from '../env.js';
import type { HostFacts } from '../host/connector.js';
import type { DeviceProbe } from '../host/device-probe.js';
import type { CommandRunner } from '../host/runner.js';
import { VERSION } from '../version.js';
import type { Confirmer } from '../output/confirm.js';
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
  /**
   * The command line that runs this program again (node, its flags, the
   * script), for a detached background refresh; absent when run in-process.
   */
  programArgv?: readonly string[];
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
  private credentials?: Promise<AuthResult>;

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
    const deps = this.deps;
    this.deps.runner = new ProcessRunner({
      env: this.env,
      // Read at each run, as the HTTP client's: the shell's lines each bring their own Ctrl-C.
      get signal() {
        return deps.signal;
      },
    });
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

  /**
   * One session per factory. A failed opening (Cinder or Keystone
   * unreachable) is not kept: the shell's next line and `top`'s next refresh
   * try again rather than fail forever.
   */
  session(): Promise<CinderSession> {
    this.sessionPromise ??= this.openSession().catch((error: unknown) => {
      this.sessionPromise = undefined;
      throw error;
    });
    return this.sessionPromise;
  }

  /** The session if a command has opened it, without opening one (the shell's prompt reads the project's name from it). */
  openedSession(): Promise<CinderSession> | undefined {
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

  /**
   * Glance, when ucinder knows where it is: --os-image-endpoint /
   * OS_IMAGE_ENDPOINT first (noauth deployments have no catalog), then the
   * token's catalog. Undefined when neither names one. Needs no Cinder
   * discovery: `image list` talks to Glance alone.
   */
  async glance(): Promise<GlanceClient | undefined> {
    const settings = await this.effectiveSettings();
    const [http, auth] = await Promise.all([this.httpClient(), this.authenticate()]);
    const endpoint = settings.imageEndpoint ?? auth.imageEndpoint;
    if (!endpoint) return undefined;
    const { GlanceClient } = await import('../api/glance.js');
    return new GlanceClient(http, endpoint, auth.token);
  }

  /** The first credentials of this invocation, shared by the Cinder session and Glance. */
  private authenticate(): Promise<AuthResult> {
    this.credentials ??= this.authPlugin()
      .then((plugin) => plugin.authenticate())
      .catch((error: unknown) => {
        this.credentials = undefined;
        throw error;
      });
    return this.credentials;
  }

  private async openSession(): Promise<CinderSession> {
    const settings = await this.effectiveSettings();
    const pinned = settings.volumeApiVersion ? parsePinnedVersion(settings.volumeApiVersion) : undefined;
    const plugin = await this.authPlugin();
    const cache = await this.discoveryCache();
    // Keystone plugins load their module while the transport is built.
    const [http, auth] = await Promise.all([this.httpClient(), this.authenticate()]);
    const range = await this.versionRange(http, endpointRoot(auth.endpoint), cache);
    const version = range ? negotiateMicroversion(range, pinned) : (pinned ?? BASE_VERSION);
    this.debug?.(`using Block Storage API ${version.major}.${version.minor} at ${auth.endpoint}`);
    return new CinderSession(http, plugin, version, auth, { serverMax: range?.max, pinned: pinned !== undefined }, this.deps.now);
  }

  /** One HTTP client per invocation, shared by Keystone and Cinder requests. */
  private httpClient(): Promise<HttpClient> {
    this.httpPromise ??= this.buildHttpClient();
    return this.httpPromise;
  }

  private async buildHttpClient(): Promise<HttpClient> {
    const settings = await this.effectiveSettings();
    if (settings.insecure) this.warn('TLS certificate verification is disabled (--insecure)');
    const transport =
      this.deps.transport ??
      (await createTransport({
        insecure: settings.insecure,
        caCertificates: settings.cacertFile ? await readCaBundle(settings.cacertFile) : undefined,
      }));
    const deps = this.deps;
    this.http = new HttpClient({
      transport,
      timeoutMs: this.settings.timeoutMs,
      userAgent: `ucinder/${VERSION}`,
      debug: this.debug,
      sleep: this.deps.sleep,
      now: this.deps.now,
      // Read at each request: the shell reuses this client across lines, each with its own Ctrl-C.
      get signal() {
        return deps.signal;
      },
    });
    return this.http;
  }

  /**
   * Loaded on use: naming its files loads node:crypto, which --help need not
   * pay for. Loaded before the transport: undici's module sets --liftoff-only
   * (http/undici-agent.ts), after which Node built-ins load without their code
   * cache: node:crypto takes 4.7 ms of CPU instead of 1.9 ms.
   */
  private async discoveryCache(): Promise<DiscoveryCache | undefined> {
    if (!this.settings.useCache) return undefined;
    const { DiscoveryCache } = await import('../state/discovery-cache.js');
    return new DiscoveryCache(cacheDir(this.env), this.deps.now);
  }

  /**
   * The server's microversion range, from the on-disk cache when fresh.
   * Undefined when the root does not publish one (e.g. a proxy that only
   * forwards /v3): then we use the pin or plain 3.0, which every v3 server takes.
   */
  private async versionRange(http: HttpClient, root: string, cache: DiscoveryCache | undefined): Promise<VersionRange | undefined> {
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
