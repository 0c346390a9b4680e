import { BadResponseError } from '../http/errors.js';

/**
 * One answer's JSON body, read only through checks. Cinder wraps what it
 * returns in an envelope ({"volume": {...}}, {"volumes": [...]}); a proxy,
 * a wrong service behind the catalog URL or a broken server can answer 200
 * with anything else. Reading `body.volumes` unchecked turns `{}` into "no
 * volumes" (a cleanup script concludes there is nothing to clean) and
 * `[null]` into a TypeError deep in a printer. Every read here fails
 * instead with one line naming the request and what was missing:
 * "GET /v3/…/volumes/detail answered without a 'volumes' list".
 *
 * The checks stop at the envelope and the kind of each item (an object);
 * the fields of a resource are the printers' business, which show what
 * they find.
 */
export class Envelope {
  /** The answer `body` to `method url`; messages name the URL's path only (no host, no query). */
  static of(body: unknown, method: string, url: string): Envelope {
    return new Envelope(body, `${method} ${new URL(url).pathname}`);
  }

  constructor(
    private readonly body: unknown,
    /** "GET /v3/0123…/volumes/detail": method and path, no host or query. */
    readonly request: string,
    /** Where in the body this envelope sits, for messages: "'limits'", "'log_levels' item 2". */
    private readonly where?: string,
  ) {}

  /** The object under `key`. */
  object<T extends object>(key: string): T {
    const value = this.field(key);
    if (!isObject(value)) throw this.missing(key, 'object', value);
    return value as T;
  }

  /** The list under `key`, every item of it an object. */
  list<T extends object>(key: string): T[] {
    const value = this.field(key);
    if (!Array.isArray(value)) throw this.missing(key, 'list', value);
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (!isObject(item)) {
        throw this.bad(`a '${key}' list whose item ${index + 1} is ${describe(item)}, not an object`);
      }
    }
    return value as T[];
  }

  /** The list under `key` when there is one; undefined when the key is absent (or null). */
  optionalList<T extends object>(key: string): T[] | undefined {
    const value = this.field(key);
    return value === undefined || value === null ? undefined : this.list<T>(key);
  }

  /** The string under `key`. */
  string(key: string): string {
    const value = this.field(key);
    if (typeof value !== 'string') throw this.missing(key, 'string', value);
    return value;
  }

  /** The string under `key`, or undefined when the key is absent (or null). */
  optionalString(key: string): string | undefined {
    const value = this.field(key);
    return value === undefined || value === null ? undefined : this.string(key);
  }

  /** The body itself as one object, for APIs that send a resource without an envelope (Glance, capabilities). */
  whole<T extends object>(): T {
    if (!isObject(this.body)) throw this.bad(`${this.body === undefined ? 'with an empty body' : describe(this.body)} instead of a JSON object`);
    return this.body as T;
  }

  /** The object under `key` as an envelope of its own, to read what sits inside it. */
  inner(key: string): Envelope {
    return new Envelope(this.object(key), this.request, this.locate(`'${key}'`));
  }

  /** Each item of the list under `key` as an envelope of its own. */
  items(key: string): Envelope[] {
    return this.list(key).map((item, index) => new Envelope(item, this.request, this.locate(`'${key}' item ${index + 1}`)));
  }

  private field(key: string): unknown {
    return isObject(this.body) ? this.body[key] : undefined;
  }

  private locate(part: string): string {
    return this.where ? `${this.where}, ${part}` : part;
  }

  private missing(key: string, kind: string, value: unknown): BadResponseError {
    const found = !isObject(this.body) ? ` (the answer is ${describe(this.body)})` : value === undefined ? '' : ` ('${key}' is ${describe(value)})`;
    return new BadResponseError(`${this.request} answered without a '${key}' ${kind}${this.where ? ` in ${this.where}` : ''}${found}`);
  }

  private bad(what: string): BadResponseError {
    return new BadResponseError(`${this.request} answered ${what}${this.where ? ` in ${this.where}` : ''}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value's kind, for messages: "null", "a list", "a string". */
function describe(value: unknown): string {
  if (value === undefined) return 'empty';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
