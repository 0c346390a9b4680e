import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../../src/http/errors.js';
import { findByNameOrId, type Named } from '../../../src/api/find.js';
import { AmbiguousNameError, IdNamedError, NotFoundError } from '../../../src/errors.js';

const target = { method: 'GET', url: 'http://c/v3/p/volumes/x' };
const apiError = (status: number) => new ApiError(status, 'nope', undefined, target);

function strategy(byId: () => Promise<Named>, byName: Named[]) {
  const calls: string[] = [];
  return {
    calls,
    strategy: {
      resource: 'volume',
      getById: async (id: string) => {
        calls.push(`id:${id}`);
        return byId();
      },
      listByName: async (name: string) => {
        calls.push(`name:${name}`);
        return byName;
      },
    },
  };
}

describe('findByNameOrId', () => {
  it('returns the ID match without listing', async () => {
    const s = strategy(async () => ({ id: 'x', name: 'n' }), []);
    expect(await findByNameOrId(s.strategy, 'x')).toEqual({ id: 'x', name: 'n' });
    expect(s.calls).toEqual(['id:x']);
  });

  it.each([404, 400])('falls back to an exact name match after %i', async (status) => {
    const s = strategy(
      async () => Promise.reject(apiError(status)),
      [
        { id: '1', name: 'vol' },
        { id: '2', name: 'vol-2' },
      ],
    );
    expect(await findByNameOrId(s.strategy, 'vol')).toEqual({ id: '1', name: 'vol' });
    expect(s.calls).toEqual(['id:vol', 'name:vol']);
  });

  it('no match is a NotFoundError', async () => {
    const s = strategy(async () => Promise.reject(apiError(404)), [{ id: '2', name: 'VOL' }]);
    await expect(findByNameOrId(s.strategy, 'vol')).rejects.toThrow(new NotFoundError('volume', 'vol'));
  });

  it('several matches is an AmbiguousNameError listing every ID', async () => {
    const s = strategy(
      async () => Promise.reject(apiError(404)),
      [
        { id: '1', name: 'v' },
        { id: '2', name: 'v' },
        { id: '3', name: 'v' },
      ],
    );
    const error = await findByNameOrId(s.strategy, 'v').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousNameError);
    expect((error as AmbiguousNameError).ids).toEqual(['1', '2', '3']);
  });

  it.each([
    ['a 500', apiError(500)],
    ['a 403', apiError(403)],
    ['a network failure', new NetworkError('down', target)],
  ])('does not hide %s behind a name lookup', async (_label, error) => {
    const s = strategy(async () => Promise.reject(error), []);
    await expect(findByNameOrId(s.strategy, 'v')).rejects.toBe(error);
    expect(s.calls).toEqual(['id:v']);
  });

  describe('for a command that changes state (action given)', () => {
    const uuid = '8d1a3c52-0000-4000-8000-00000000008d';

    it('an ID-shaped argument whose ID is gone never resolves to a resource named like it', async () => {
      const s = strategy(async () => Promise.reject(apiError(404)), [{ id: 'other', name: uuid }]);
      const error = await findByNameOrId(s.strategy, uuid, { action: 'delete' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IdNamedError);
      expect((error as IdNamedError).namedIds).toEqual(['other']);
      expect(s.calls).toEqual([`id:${uuid}`, `name:${uuid}`]);
    });

    it('an ID-shaped argument that matches nothing stays a NotFoundError', async () => {
      const s = strategy(async () => Promise.reject(apiError(404)), []);
      await expect(findByNameOrId(s.strategy, uuid, { action: 'delete' })).rejects.toThrow(new NotFoundError('volume', uuid));
    });

    it('an ordinary name still resolves by name', async () => {
      const s = strategy(async () => Promise.reject(apiError(404)), [{ id: '1', name: 'vol' }]);
      expect(await findByNameOrId(s.strategy, 'vol', { action: 'delete' })).toEqual({ id: '1', name: 'vol' });
    });
  });
});
