import express from 'express';
import request from 'supertest';
import {
  configureHoldingRequestsUntilStarted,
  holdRequestsUntilStarted,
} from './holdRequestsUntilStarted';

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
}

describe('holdRequestsUntilStarted', () => {
  function appWith(hold: ReturnType<typeof holdRequestsUntilStarted>) {
    const app = express();
    app.use('/api', hold.handler);
    app.post('/api/user-trust/signals', express.json(), (req, res) => {
      res.status(202).json({ received: req.body });
    });
    return app;
  }

  it('holds a request that arrives before start, then the real route answers it', async () => {
    const hold = holdRequestsUntilStarted({ maxWaitMs: 5000 });
    const app = appWith(hold);

    let answered = false;
    const pending = request(app)
      .post('/api/user-trust/signals')
      .send({ signals: [] })
      .then(res => {
        answered = true;
        return res;
      });
    await waitFor(() => hold.heldCount === 1);
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(answered).toBe(false);

    hold.release();
    const res = await pending;
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ received: { signals: [] } });
    expect(hold.heldCount).toBe(0);
  });

  it('answers 503 with Retry-After when the backend takes longer than the bound', async () => {
    const logger = { warn: jest.fn() };
    const hold = holdRequestsUntilStarted({
      maxWaitMs: 50,
      retryAfterSeconds: 7,
      logger,
    });
    const app = appWith(hold);

    const res = await request(app)
      .post('/api/user-trust/signals')
      .send({ signals: [] });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      error: {
        name: 'ServiceUnavailableError',
        message: 'The backend has not started within 50 ms, try again shortly',
      },
      request: { method: 'POST', url: '/api/user-trust/signals' },
      response: { statusCode: 503 },
    });
    expect(hold.heldCount).toBe(0);
    expect(logger.warn).toHaveBeenCalledTimes(1);

    // A release after the timeout does not answer it twice.
    hold.release();
  });

  it('lets requests straight through once started', async () => {
    const hold = holdRequestsUntilStarted({ maxWaitMs: 5000 });
    const app = appWith(hold);
    hold.release();
    expect(hold.released).toBe(true);

    const res = await request(app)
      .post('/api/user-trust/signals')
      .send({ signals: [1] });
    expect(res.status).toBe(202);
    expect(hold.heldCount).toBe(0);
  });

  it('answers 503 at once beyond maxHeldRequests', async () => {
    const hold = holdRequestsUntilStarted({
      maxWaitMs: 5000,
      maxHeldRequests: 1,
    });
    const app = appWith(hold);

    const first = request(app).post('/api/user-trust/signals').send({ n: 1 });
    const firstDone = first.then(res => res);
    await waitFor(() => hold.heldCount === 1);
    const second = await request(app)
      .post('/api/user-trust/signals')
      .send({ n: 2 });
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('5');

    hold.release();
    expect((await firstDone).status).toBe(202);
  });

  it('forgets a request whose client went away', async () => {
    const hold = holdRequestsUntilStarted({ maxWaitMs: 5000 });
    const route = jest.fn((_req: express.Request, res: express.Response) => {
      res.sendStatus(204);
    });
    const app = express();
    app.use('/api', hold.handler);
    app.get('/api/x', route);

    const aborted = request(app).get('/api/x').timeout(100);
    await expect(aborted).rejects.toThrow(/Timeout/);
    await waitFor(() => hold.heldCount === 0);
    hold.release();
    expect(route).not.toHaveBeenCalled();
  });
});

describe('configureHoldingRequestsUntilStarted', () => {
  it('holds /api (not the health endpoints) until the root lifecycle starts, in front of the defaults', async () => {
    const app = express();
    const startupHooks: Array<() => void | Promise<void>> = [];
    const lifecycle = {
      addStartupHook: (hook: () => void | Promise<void>) => {
        startupHooks.push(hook);
      },
      addBeforeShutdownHook: jest.fn(),
      addShutdownHook: jest.fn(),
    };
    // Stands in for applyDefaults: the health router, then the root router,
    // whose plugin routes are mounted while the backend starts.
    const routes = express.Router();
    const applyDefaults = jest.fn(() => {
      app.get('/.backstage/health/v1/readiness', (_req, res) => {
        res.status(503).json({ status: 'error' });
      });
      app.use(routes);
      app.use((_req, res) => {
        res.status(404).end();
      });
    });
    const logger = { warn: jest.fn() } as any;

    configureHoldingRequestsUntilStarted({ maxWaitMs: 5000 })({
      app,
      lifecycle,
      logger,
      applyDefaults,
    });
    expect(applyDefaults).toHaveBeenCalledTimes(1);
    expect(startupHooks).toHaveLength(1);

    // The health endpoints are not held.
    const readiness = await request(app).get('/.backstage/health/v1/readiness');
    expect(readiness.status).toBe(503);

    // Before the plugin is mounted: held, not 404.
    let status: number | undefined;
    const pending = request(app)
      .post('/api/user-trust/signals')
      .send({})
      .then(res => {
        status = res.status;
        return res;
      });
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(status).toBeUndefined();

    // The plugin mounts its routes, then the backend has started.
    routes.post('/api/user-trust/signals', (_req, res) => {
      res.status(401).json({ error: { name: 'AuthenticationError' } });
    });
    await startupHooks[0]();
    expect((await pending).status).toBe(401);

    // After start: straight through.
    const after = await request(app).post('/api/user-trust/signals').send({});
    expect(after.status).toBe(401);
    const unknown = await request(app).get('/api/nothing-here');
    expect(unknown.status).toBe(404);
  });
});
