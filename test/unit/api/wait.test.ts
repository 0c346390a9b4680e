import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/http/errors.js';
import { waitForDeletion, waitForDeletions, waitForStatus, type StatusTarget } from '../../../src/api/wait.js';
import { InterruptedError, WaitError } from '../../../src/errors.js';

interface Thing {
  status: string;
}

function sequence(statuses: (string | Error)[]): StatusTarget<Thing> {
  let index = 0;
  return {
    label: "volume 'v'",
    fetch: async () => {
      const next = statuses[Math.min(index++, statuses.length - 1)]!;
      if (next instanceof Error) throw next;
      return { status: next };
    },
    status: (thing) => thing.status,
    done: ['available'],
    failed: (status) => status.startsWith('error'),
    explain: async () => 'No valid backend was found.',
  };
}

describe('waitForStatus', () => {
  it('polls with intervals growing by 1.5 up to the cap and reports each new status once', async () => {
    const sleeps: number[] = [];
    const seen: string[] = [];
    const result = await waitForStatus(sequence(['creating', 'creating', 'creating', 'creating', 'creating', 'downloading', 'available']), {
      timeoutMs: 600_000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      now: () => 0,
      onStatus: (status) => seen.push(status),
    });
    expect(result).toEqual({ status: 'available' });
    expect(sleeps).toEqual([500, 750, 1125, 1687.5, 2531.25, 3000]);
    expect(seen).toEqual(['creating', 'downloading', 'available']);
  });

  it('fails on an error status with the explanation', async () => {
    await expect(waitForStatus(sequence(['creating', 'error']), { timeoutMs: 1000, sleep: async () => undefined, now: () => 0 })).rejects.toThrow(
      new WaitError("volume 'v' is in status 'error': No valid backend was found."),
    );
  });

  it('never sleeps past the deadline', async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const error = await waitForStatus(sequence(['creating']), {
      timeoutMs: 1200,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    }).catch((e: unknown) => e);
    expect(sleeps).toEqual([500, 700]);
    expect((error as Error).message).toBe("timed out after 1 s waiting for volume 'v' (last status 'creating'); it continues on the server");
  });

  it('stops at once when interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(waitForStatus(sequence(['creating']), { timeoutMs: 1000, signal: controller.signal })).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe('waitForDeletion', () => {
  const gone = new ApiError(404, 'not found', undefined, { method: 'GET', url: 'u' });

  it('ends when the resource answers 404', async () => {
    const sleeps: number[] = [];
    await waitForDeletion(sequence(['deleting', 'deleting', gone]), {
      timeoutMs: 10_000,
      now: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(sleeps).toEqual([500, 750]);
  });

  it('fails on error_deleting', async () => {
    await expect(waitForDeletion(sequence(['deleting', 'error_deleting']), { timeoutMs: 10_000, now: () => 0, sleep: async () => undefined })).rejects.toThrow(
      "volume 'v' is in status 'error_deleting': No valid backend was found.",
    );
  });

  it('passes other errors through', async () => {
    const boom = new ApiError(500, 'boom', undefined, { method: 'GET', url: 'u' });
    await expect(waitForDeletion(sequence([boom]), { timeoutMs: 10_000, now: () => 0 })).rejects.toBe(boom);
  });
});

describe('waitForDeletions (a batch, one listing per round)', () => {
  const notFound = () => new ApiError(404, 'Volume could not be found.', undefined, { method: 'GET', url: 'u' });
  /** A target whose fetches follow `statuses` and are counted. */
  function counted(label: string, statuses: (string | Error)[]) {
    const target = sequence(statuses);
    const counter = { fetches: 0 };
    return {
      counter,
      target: { ...target, label, fetch: () => (counter.fetches++, target.fetch()) },
    };
  }

  it('fetches only what left the deleting listing: gone on 404, failed with its reason on error_deleting', async () => {
    const a = counted("volume 'a'", ['error_deleting']);
    const b = counted("volume 'b'", [notFound()]);
    const c = counted("volume 'c'", [notFound()]);
    const rounds = [new Set(['a', 'b']), new Set(['a']), new Set<string>()];
    let listings = 0;
    const gone: string[] = [];
    const sleeps: number[] = [];
    const results = await waitForDeletions(
      [
        { id: 'a', target: a.target },
        { id: 'b', target: b.target },
        { id: 'c', target: c.target },
      ],
      {
        timeoutMs: 60_000,
        now: () => 0,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        listDeleting: async () => rounds[Math.min(listings++, rounds.length - 1)]!,
        onGone: (id) => gone.push(id),
      },
    );
    expect(listings).toBe(3);
    expect([a.counter.fetches, b.counter.fetches, c.counter.fetches]).toEqual([1, 1, 1]);
    expect(gone).toEqual(['c', 'b']);
    expect(sleeps).toEqual([500, 750]);
    expect(results[1]).toEqual({ status: 'fulfilled', value: undefined });
    expect(results[2]).toEqual({ status: 'fulfilled', value: undefined });
    expect(results[0]!.status).toBe('rejected');
    const reason = (results[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(WaitError);
    expect(reason.message).toBe("volume 'a' is in status 'error_deleting': No valid backend was found.");
  });

  it('keeps fetching one the listing cannot see (another project) until it is gone', async () => {
    const foreign = counted("volume 'f'", ['deleting', 'deleting', notFound()]);
    const results = await waitForDeletions([{ id: 'f', target: foreign.target }], {
      timeoutMs: 60_000,
      now: () => 0,
      sleep: async () => {},
      listDeleting: async () => new Set<string>(),
    });
    expect(foreign.counter.fetches).toBe(3);
    expect(results).toEqual([{ status: 'fulfilled', value: undefined }]);
  });

  it('times out every resource still deleting, each with its own message', async () => {
    let clock = 0;
    const results = await waitForDeletions(
      [
        { id: 'a', target: counted("volume 'a'", ['deleting']).target },
        { id: 'b', target: counted("volume 'b'", [notFound()]).target },
      ],
      {
        timeoutMs: 2000,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
        listDeleting: async () => new Set(['a']),
      },
    );
    expect(results[1]).toEqual({ status: 'fulfilled', value: undefined });
    const reason = (results[0] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(WaitError);
    expect(reason.message).toBe("timed out after 2 s waiting for volume 'a' (last status 'deleting'); it continues on the server");
  });

  it('stops on abort: what is left settles as interrupted', async () => {
    const controller = new AbortController();
    const results = await waitForDeletions([{ id: 'a', target: counted("volume 'a'", ['deleting']).target }], {
      timeoutMs: 60_000,
      now: () => 0,
      signal: controller.signal,
      sleep: async () => {
        controller.abort();
        throw new Error('aborted');
      },
      listDeleting: async () => new Set(['a']),
    });
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(InterruptedError);
  });
});
