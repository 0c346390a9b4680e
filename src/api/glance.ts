import type { HttpClient, Query } from '../http/http.js';
import { Envelope } from './envelope.js';

/**
 * A minimal Glance v2 client: ucinder only lists images and resolves image
 * names for `volume create --image`. It shares the Cinder session's HTTP
 * stack and token.
 */
export class GlanceClient {
  readonly root: string;

  constructor(
    private readonly http: HttpClient,
    endpoint: string,
    private readonly token: string,
  ) {
    // Catalogs register Glance with or without the version; we add /v2 ourselves.
    this.root = endpoint.replace(/\/+$/, '').replace(/\/v2(\.\d+)?$/, '');
  }

  /** Glance's answers are read through the same checks as Cinder's. */
  async get(path: string, query?: Query): Promise<Envelope> {
    const url = `${this.root}${path}`;
    const response = await this.http.request({ method: 'GET', url, query, headers: { 'X-Auth-Token': this.token } });
    return Envelope.of(response.body, 'GET', url);
  }
}
