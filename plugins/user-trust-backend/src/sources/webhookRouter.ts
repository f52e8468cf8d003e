import express, { Router } from 'express';
import PromiseRouter from 'express-promise-router';
import { SourcesService } from './SourcesService';

/** Largest webhook body taken (PagerDuty sends at most 256 KB). */
export const MAX_WEBHOOK_BODY = '1mb';

/**
 * `POST /webhooks/{source}[/{token}]`: the raw body goes to the connector,
 * which checks the vendor's signature over exactly those bytes, so this
 * router sits before the JSON-parsing API router. It answers 2xx only after
 * the connector has stored the delivery: a delivery is acknowledged once it
 * is committed, and a storage failure is a 5xx that the vendor retries.
 */
export function createWebhookRouter(sources: SourcesService): Router {
  const router = PromiseRouter();
  router.post(
    ['/webhooks/:source', '/webhooks/:source/:token'],
    express.raw({ type: () => true, limit: MAX_WEBHOOK_BODY }),
    async (req, res) => {
      const runtime = sources.get(req.params.source);
      const answer = await runtime.receive({
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        headers: req.headers,
        token: req.params.token,
      });
      if ('message' in answer) {
        res.status(answer.status).json({
          error: { name: 'WebhookRefusedError', message: answer.message },
          response: { statusCode: answer.status },
        });
        return;
      }
      res.status(answer.status).json({ outcome: answer.outcome });
    },
  );
  return router;
}
