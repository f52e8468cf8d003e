#!/usr/bin/env node
/*
 * Sends a correctly signed PagerDuty webhook (v3) for checkout-api's PagerDuty
 * service (PCHECKOUT, examples/entities.yaml) to the example portal, as
 * PagerDuty would: an `incident.triggered`, then (with --resolve) an
 * `incident.resolved` of the same incident a few minutes later.
 *
 *   node scripts/send-sample-pagerduty-webhook.mjs [--resolve] [--url URL]
 *        [--service PCHECKOUT] [--incident ID]
 *   yarn sample:pagerduty
 *
 * The signing secret is the first of userTrust.pagerduty.accounts[0]
 * .webhookSecrets in app-config.yaml (honouring ${VAR:-default} with the
 * environment), or PAGERDUTY_WEBHOOK_SECRET. No dependencies.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const url = option(
  'url',
  'http://localhost:7007/api/user-trust/webhooks/pagerduty',
);
const serviceId = option('service', 'PCHECKOUT');
const incidentId = option(
  'incident',
  `PSAMPLE${randomBytes(3).toString('hex').toUpperCase()}`,
);
const resolve = process.argv.includes('--resolve');

/** The dev webhook secret, read from app-config.yaml without a YAML parser. */
function devSecret() {
  const lines = readFileSync(join(root, 'app-config.yaml'), 'utf8').split('\n');
  const section = lines.findIndex(line => /^\s+pagerduty:\s*$/.test(line));
  const list =
    section < 0
      ? -1
      : lines.findIndex(
          (line, i) => i > section && /^\s+webhookSecrets:\s*$/.test(line),
        );
  const entry = list < 0 ? undefined : lines[list + 1]?.match(/^\s+-\s+(.+)$/);
  if (!entry) return undefined;
  const value = entry[1].trim().replace(/^(['"])(.*)\1$/, '$2');
  return value.replace(
    /\$\{(\w+)(?::-([^}]*))?\}/g,
    (_, name, fallback) => process.env[name] ?? fallback ?? '',
  );
}

const secret = process.env.PAGERDUTY_WEBHOOK_SECRET || devSecret();
if (!secret) {
  console.error(
    'No webhook secret: set PAGERDUTY_WEBHOOK_SECRET or userTrust.pagerduty.accounts[0].webhookSecrets in app-config.yaml',
  );
  process.exit(1);
}

const WEB = 'https://brightcart.pagerduty.com';
const API = 'https://api.pagerduty.com';
const ref = (type, collection, id, summary) => ({
  id,
  type,
  summary,
  self: `${API}/${collection}/${id}`,
  html_url: `${WEB}/${collection}/${id}`,
});

const createdAt = new Date(Date.now() - 5 * 60_000);
const number = Math.floor(Math.random() * 9000) + 1000;

function incident(status) {
  return {
    id: incidentId,
    type: 'incident',
    self: `${API}/incidents/${incidentId}`,
    html_url: `${WEB}/incidents/${incidentId}`,
    number,
    status,
    incident_key: `sample-${incidentId}`,
    created_at: createdAt.toISOString(),
    title: 'Checkout: elevated 5xx on POST /orders',
    service: ref('service_reference', 'services', serviceId, 'Checkout API'),
    assignees:
      status === 'resolved'
        ? []
        : [ref('user_reference', 'users', 'PSAMPLEU', 'On-call engineer')],
    escalation_policy: ref(
      'escalation_policy_reference',
      'escalation_policies',
      'PSAMPLEP',
      'Checkout on-call',
    ),
    teams: [ref('team_reference', 'teams', 'PSAMPLET', 'Checkout')],
    priority: ref('priority_reference', 'priorities', 'PSAMPLEP1', 'P1'),
    urgency: 'high',
    conference_bridge: null,
    resolve_reason: null,
  };
}

async function send(eventType, status, occurredAt) {
  const body = JSON.stringify({
    event: {
      id: `${incidentId}-${eventType}`,
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: occurredAt.toISOString(),
      agent: ref('user_reference', 'users', 'PSAMPLEU', 'On-call engineer'),
      client: { name: 'PagerDuty' },
      data: incident(status),
    },
  });
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'PagerDuty-Webhook/V3.0',
        'X-PagerDuty-Signature': `v1=${signature}`,
        'X-Webhook-Id': randomBytes(8).toString('hex'),
      },
      body,
    });
  } catch (error) {
    console.error(
      `Could not reach ${url} (is the portal running? yarn dev): ${error.message}`,
    );
    process.exit(1);
  }
  const text = await response.text();
  console.log(`${eventType} ${incidentId}: ${response.status} ${text}`);
  if (!response.ok) process.exit(1);
}

await send('incident.triggered', 'triggered', createdAt);
if (resolve) await send('incident.resolved', 'resolved', new Date());
console.log(
  `Open checkout-api in the portal (http://localhost:3000/catalog/default/component/checkout-api) to see incident ${incidentId}.`,
);
