/*
 * Holds API requests that arrive while the backend starts, until it has.
 *
 * The HTTP server starts listening while the root services are created,
 * before any plugin: a plugin's routes (`/api/<pluginId>`) are mounted only
 * when its httpRouter service is created, and until then the root router
 * answers `404` with an empty body. A client that takes a 404 as final (an
 * integration sending signals, say) drops its request. A gate inside a plugin
 * cannot help, since those requests never reach it; this one sits in front
 * of the root router: it holds each `/api` request until the root lifecycle
 * has started (every plugin is up and mounted), and answers `503` with a
 * `Retry-After` header if that takes longer than a bounded wait.
 *
 * Requests between plugins are held too: a plugin whose init waited for
 * another plugin's HTTP API would get its 503 after the bound (none in this
 * backend does; they call each other once started).
 *
 * Usage: `backend.add(rootHttpRouterHoldingRequestsUntilStarted())`.
 */

import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  rootHttpRouterServiceFactory,
  RootHttpRouterConfigureContext,
} from '@backstage/backend-defaults/rootHttpRouter';
import type { Request, RequestHandler, Response } from 'express';

/** @public */
export interface HoldRequestsUntilStartedOptions {
  /** How long a request is held before it is answered 503. Default 10 s. */
  maxWaitMs?: number;
  /** The `Retry-After` of a 503, in seconds. Default 5. */
  retryAfterSeconds?: number;
  /**
   * How many requests may wait at once; further ones are answered 503 at
   * once. Default 1000.
   */
  maxHeldRequests?: number;
  /** Where the 503s are logged. */
  logger?: Pick<LoggerService, 'warn'>;
}

/** @public */
export interface StartupRequestHold {
  /** Holds each request until {@link StartupRequestHold.release}. */
  handler: RequestHandler;
  /** Lets the held requests, and every later one, through. */
  release(): void;
  /** Whether {@link StartupRequestHold.release} was called. */
  readonly released: boolean;
  /** How many requests are being held. */
  readonly heldCount: number;
}

const DEFAULT_MAX_WAIT_MS = 10_000;
const DEFAULT_RETRY_AFTER_SECONDS = 5;
const DEFAULT_MAX_HELD_REQUESTS = 1000;

/**
 * An express middleware that holds requests until `release()` is called, or
 * answers them 503 (with `Retry-After` and Backstage's JSON error body) when
 * that takes longer than `maxWaitMs`. Once released it calls `next()` at once.
 *
 * @public
 */
export function holdRequestsUntilStarted(
  options: HoldRequestsUntilStartedOptions = {},
): StartupRequestHold {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const retryAfterSeconds =
    options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  const maxHeldRequests = options.maxHeldRequests ?? DEFAULT_MAX_HELD_REQUESTS;

  let released = false;
  const held = new Set<() => void>();

  const unavailable = (req: Request, res: Response, message: string) => {
    options.logger?.warn(
      `Answered 503 to ${req.method} ${req.originalUrl}: ${message}`,
    );
    res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(503).json({
      error: { name: 'ServiceUnavailableError', message },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 503 },
    });
  };

  const handler: RequestHandler = (req, res, next) => {
    if (released) {
      next();
      return;
    }
    if (held.size >= maxHeldRequests) {
      unavailable(req, res, 'The backend is starting, try again shortly');
      return;
    }

    // The timer does not keep a stopping process alive.
    const timer = setTimeout(answerUnavailable, maxWaitMs).unref();
    // A client that went away is not answered later.
    res.on('close', stopHolding);
    held.add(pass);

    function stopHolding() {
      clearTimeout(timer);
      held.delete(pass);
      res.off('close', stopHolding);
    }
    function pass() {
      stopHolding();
      next();
    }
    function answerUnavailable() {
      stopHolding();
      unavailable(
        req,
        res,
        `The backend has not started within ${maxWaitMs} ms, try again shortly`,
      );
    }
  };

  return {
    handler,
    release() {
      released = true;
      for (const pass of [...held]) {
        pass();
      }
    },
    get released() {
      return released;
    },
    get heldCount() {
      return held.size;
    },
  };
}

/** @public */
export interface RootHttpRouterHoldingRequestsOptions
  extends Omit<HoldRequestsUntilStartedOptions, 'logger'> {
  /** The requests to hold. Default `/api` (not the health endpoints). */
  path?: string;
}

/**
 * The `configure` of {@link rootHttpRouterHoldingRequestsUntilStarted}: the
 * hold in front of everything else, released by a root lifecycle startup
 * hook (which runs once every plugin has started), then the defaults.
 *
 * @public
 */
export function configureHoldingRequestsUntilStarted(
  options: RootHttpRouterHoldingRequestsOptions = {},
) {
  const { path = '/api', ...holdOptions } = options;
  return (
    context: Pick<
      RootHttpRouterConfigureContext,
      'app' | 'lifecycle' | 'logger' | 'applyDefaults'
    >,
  ) => {
    const { app, lifecycle, logger, applyDefaults } = context;
    const hold = holdRequestsUntilStarted({ ...holdOptions, logger });
    lifecycle.addStartupHook(() => hold.release());
    app.use(path, hold.handler);
    applyDefaults();
  };
}

/**
 * The default root HTTP router, with requests to `/api` held until the
 * backend has started instead of answered 404 while the plugins start.
 *
 * @public
 */
export function rootHttpRouterHoldingRequestsUntilStarted(
  options: RootHttpRouterHoldingRequestsOptions = {},
) {
  return rootHttpRouterServiceFactory({
    configure: configureHoldingRequestsUntilStarted(options),
  });
}
