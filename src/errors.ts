/**
 * The error types every layer may throw. Only src/main.ts turns them into exit
 * codes and messages, so a layer never has to know how it is being run.
 */

/** Base class: `message` is the one line the user sees. */
export class UcinderError extends Error {
  override name = 'UcinderError';
}

/** Bad command line or configuration, detected before any request (exit 2). */
export class UsageError extends UcinderError {
  override name = 'UsageError';
}

/** A NAME|ID argument matched nothing. */
export class NotFoundError extends UcinderError {
  override name = 'NotFoundError';
  constructor(
    readonly resource: string,
    readonly nameOrId: string,
  ) {
    super(`No ${resource} with a name or ID of '${nameOrId}' exists.`);
  }
}

/** A NAME argument matched several resources; we never pick one. */
export class AmbiguousNameError extends UcinderError {
  override name = 'AmbiguousNameError';
  constructor(
    readonly resource: string,
    readonly nameOrId: string,
    readonly ids: string[],
  ) {
    super(`More than one ${resource} exists with the name '${nameOrId}': ${ids.join(', ')}; use an ID instead.`);
  }
}

/**
 * An ID-shaped argument of a command that changes state matched no ID, but
 * the name of other resources: we refuse to act on them by that name.
 */
export class IdNamedError extends UcinderError {
  override name = 'IdNamedError';
  constructor(
    readonly resource: string,
    readonly id: string,
    readonly namedIds: string[],
    action: string,
  ) {
    const [only] = namedIds;
    super(
      namedIds.length === 1
        ? `no ${resource} has ID ${id}; ${resource} ${only} is NAMED '${id}' — refusing to ${action} it by name; pass its ID (${only}) if you mean it`
        : `no ${resource} has ID ${id}; ${resource}s ${namedIds.join(', ')} are NAMED '${id}' — refusing to ${action} them by name; pass the ID of the one you mean`,
    );
  }
}

/** A bulk operation where some items failed; each failure was already reported. */
export class PartialFailureError extends UcinderError {
  override name = 'PartialFailureError';
  constructor(
    readonly failed: number,
    readonly total: number,
    what: string,
  ) {
    super(`${failed} of ${total} ${what}`);
  }
}

/** Waiting for an asynchronous operation ended badly (error status, timeout). */
export class WaitError extends UcinderError {
  override name = 'WaitError';
}

/** The user interrupted (Ctrl-C). */
export class InterruptedError extends UcinderError {
  override name = 'InterruptedError';
}
