import type { HttpClient, Query } from '../http/http.js';

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

  async get<T>(path: string, query?: Query): Promise<T> {
    const response = await this.http.request<T>({
      method: 'GET',
      url: `${this.root}${path}`,
      query,
      headers: { 'X-Auth-Token': this.token },
    });
    return response.body;
  }
}
