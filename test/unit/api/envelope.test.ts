import { describe, expect, it } from 'vitest';
import { Envelope } from '../../../src/api/envelope.js';
import { BadResponseError } from '../../../src/http/errors.js';

const REQUEST = 'GET /v3/p/volumes/detail';
const answer = (body: unknown) => new Envelope(body, REQUEST);

/** The one line a read of `body` fails with. */
function failure(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(BadResponseError);
    return (error as Error).message;
  }
  throw new Error('the read did not fail');
}

describe('Envelope', () => {
  it('hands out the object, the list and strings it holds', () => {
    const body = { volume: { id: 'v1' }, volumes: [{ id: 'a' }, { id: 'b' }], next: '/v2/images?marker=a' };
    expect(answer(body).object('volume')).toBe(body.volume);
    expect(answer(body).list('volumes')).toBe(body.volumes);
    expect(answer(body).string('next')).toBe('/v2/images?marker=a');
    expect(answer({ volumes: [] }).list('volumes')).toEqual([]);
    expect(answer({ encryption_id: 'e' }).whole()).toEqual({ encryption_id: 'e' });
  });

  it('names the request and what was missing when the envelope is not there', () => {
    expect(failure(() => answer({}).list('volumes'))).toBe(`${REQUEST} answered without a 'volumes' list`);
    expect(failure(() => answer({}).object('volume'))).toBe(`${REQUEST} answered without a 'volume' object`);
    expect(failure(() => answer({ id: 'i' }).string('name'))).toBe(`${REQUEST} answered without a 'name' string`);
  });

  it('says what stood in its place: the wrong type, null, or no JSON object at all', () => {
    expect(failure(() => answer({ volumes: {} }).list('volumes'))).toBe(`${REQUEST} answered without a 'volumes' list ('volumes' is an object)`);
    expect(failure(() => answer({ volumes: null }).list('volumes'))).toBe(`${REQUEST} answered without a 'volumes' list ('volumes' is null)`);
    expect(failure(() => answer({ volume: [] }).object('volume'))).toBe(`${REQUEST} answered without a 'volume' object ('volume' is a list)`);
    expect(failure(() => answer({ volume: 'x' }).object('volume'))).toBe(`${REQUEST} answered without a 'volume' object ('volume' is a string)`);
    expect(failure(() => answer({ id: 7 }).string('id'))).toBe(`${REQUEST} answered without a 'id' string ('id' is a number)`);
    expect(failure(() => answer(undefined).list('volumes'))).toBe(`${REQUEST} answered without a 'volumes' list (the answer is empty)`);
    expect(failure(() => answer([{ id: 'a' }]).list('volumes'))).toBe(`${REQUEST} answered without a 'volumes' list (the answer is a list)`);
    expect(failure(() => answer('<html>').object('volume'))).toBe(`${REQUEST} answered without a 'volume' object (the answer is a string)`);
  });

  it('refuses a list with an item that is not an object, naming the item', () => {
    expect(failure(() => answer({ volumes: [null] }).list('volumes'))).toBe(`${REQUEST} answered a 'volumes' list whose item 1 is null, not an object`);
    expect(failure(() => answer({ volumes: [{ id: 'a' }, 'b'] }).list('volumes'))).toBe(`${REQUEST} answered a 'volumes' list whose item 2 is a string, not an object`);
    expect(failure(() => answer({ volumes: [{ id: 'a' }, [{ id: 'b' }]] }).list('volumes'))).toBe(`${REQUEST} answered a 'volumes' list whose item 2 is a list, not an object`);
  });

  it('optional reads: absent or null is undefined, present must be right', () => {
    expect(answer({}).optionalList('volumes_links')).toBeUndefined();
    expect(answer({ volumes_links: null }).optionalList('volumes_links')).toBeUndefined();
    expect(answer({ volumes_links: [{ rel: 'next' }] }).optionalList('volumes_links')).toEqual([{ rel: 'next' }]);
    expect(failure(() => answer({ volumes_links: 'next' }).optionalList('volumes_links'))).toBe(`${REQUEST} answered without a 'volumes_links' list ('volumes_links' is a string)`);
    expect(answer({}).optionalString('next')).toBeUndefined();
    expect(failure(() => answer({ next: 3 }).optionalString('next'))).toBe(`${REQUEST} answered without a 'next' string ('next' is a number)`);
  });

  it('whole: an answer without an envelope must still be one JSON object', () => {
    expect(failure(() => answer(undefined).whole())).toBe(`${REQUEST} answered with an empty body instead of a JSON object`);
    expect(failure(() => answer([]).whole())).toBe(`${REQUEST} answered a list instead of a JSON object`);
    expect(failure(() => answer(null).whole())).toBe(`${REQUEST} answered null instead of a JSON object`);
  });

  it('inner and items: reads within say where they looked', () => {
    const limits = answer({ limits: { absolute: { maxTotalVolumes: 10 }, rate: {} } }).inner('limits');
    expect(limits.object('absolute')).toEqual({ maxTotalVolumes: 10 });
    expect(failure(() => limits.list('rate'))).toBe(`${REQUEST} answered without a 'rate' list in 'limits' ('rate' is an object)`);
    const services = answer({ log_levels: [{ host: 'h1', levels: {} }, { host: 'h2' }] }).items('log_levels');
    expect(services.map((service) => service.string('host'))).toEqual(['h1', 'h2']);
    expect(failure(() => services[1]!.object('levels'))).toBe(`${REQUEST} answered without a 'levels' object in 'log_levels' item 2`);
    expect(failure(() => answer({ limits: [] }).inner('limits'))).toBe(`${REQUEST} answered without a 'limits' object ('limits' is a list)`);
  });

  it('of: the request is the method and the URL path, without host or query', () => {
    const envelope = Envelope.of({}, 'PUT', 'http://cinder.test:8776/v3/p/os-services/get-log?x=1');
    expect(envelope.request).toBe('PUT /v3/p/os-services/get-log');
  });
});
