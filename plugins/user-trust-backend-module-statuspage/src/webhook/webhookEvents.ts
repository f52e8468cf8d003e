import { StatuspageIncident } from '../incidents/types';
import {
  attributeIncident,
  AttributedIncident,
} from '../mapping/attributeIncident';
import { ComponentEntityMapping } from '../mapping/ComponentEntityMapping';

/**
 * Statuspage webhook notifications (support.atlassian.com, Statuspage
 * "Enable webhook notifications"): one JSON object per POST with `meta`
 * (unsubscribe and documentation links) and `page` (`id`,
 * `status_indicator`, `status_description`), and then either
 *
 * - `incident`: the incident after it was created or updated, with its
 *   `incident_updates` (each may list `affected_components`, whose `code`
 *   is the component id); scheduled maintenances come the same way, with
 *   `scheduled_for` and `scheduled_until`; or
 * - `component_update` (`component_id`, `old_status`, `new_status`,
 *   `created_at`) with the `component` (`id`, `name`, `status`).
 *
 * There is no type field: the key present tells which.
 */

/** @public */
export type StatuspageWebhookPage = {
  id: string;
  status_indicator?: string;
  status_description?: string;
};

/** @public */
export type StatuspageComponentUpdate = {
  id?: string;
  component_id: string;
  old_status?: string;
  new_status?: string;
  created_at?: string;
};

/** A parsed notification. @public */
export type StatuspageNotification =
  | {
      type: 'incident';
      page: StatuspageWebhookPage;
      incident: StatuspageIncident;
    }
  | {
      type: 'component_update';
      page: StatuspageWebhookPage;
      componentUpdate: StatuspageComponentUpdate;
      component?: { id: string; name?: string; status?: string };
    };

/** @public */
export type StatuspageNotificationParseResult =
  | { ok: true; notification: StatuspageNotification }
  | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;
const isDate = (value: unknown): value is string =>
  isText(value) && !Number.isNaN(Date.parse(value));

function incidentProblem(incident: Record<string, any>): string | undefined {
  if (!isText(incident.id)) return 'incident.id must be a string';
  if (!isText(incident.status)) return 'incident.status must be a string';
  if (!isDate(incident.created_at)) {
    return 'incident.created_at must be a date-time';
  }
  for (const field of [
    'started_at',
    'resolved_at',
    'scheduled_for',
    'scheduled_until',
  ]) {
    const value = incident[field];
    if (value !== null && value !== undefined && !isDate(value)) {
      return `incident.${field} must be a date-time or null`;
    }
  }
  for (const field of ['components', 'incident_updates']) {
    const value = incident[field];
    if (value !== null && value !== undefined && !Array.isArray(value)) {
      return `incident.${field} must be a list`;
    }
  }
  return undefined;
}

/**
 * Parses a notification's raw body. Never throws: anything that is not a
 * Statuspage notification is a failure naming what is wrong (answered 400).
 *
 * @public
 */
export function parseStatuspageNotification(
  rawBody: Buffer | string,
): StatuspageNotificationParseResult {
  let body: unknown;
  try {
    body = JSON.parse(
      Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody,
    );
  } catch (error) {
    return { ok: false, message: `body is not JSON: ${String(error)}` };
  }
  if (!isObject(body)) return { ok: false, message: 'body is not an object' };
  if (!isObject(body.page) || !isText(body.page.id)) {
    return { ok: false, message: 'page.id must be a string' };
  }
  const page = body.page as StatuspageWebhookPage;

  if (isObject(body.incident)) {
    const problem = incidentProblem(body.incident);
    if (problem) return { ok: false, message: problem };
    return {
      ok: true,
      notification: {
        type: 'incident',
        page,
        incident: body.incident as StatuspageIncident,
      },
    };
  }
  if (isObject(body.component_update)) {
    if (!isText(body.component_update.component_id)) {
      return {
        ok: false,
        message: 'component_update.component_id must be a string',
      };
    }
    return {
      ok: true,
      notification: {
        type: 'component_update',
        page,
        componentUpdate: body.component_update as StatuspageComponentUpdate,
        ...(isObject(body.component) &&
          isText(body.component.id) && {
            component: body.component as { id: string },
          }),
      },
    };
  }
  return {
    ok: false,
    message: 'body has neither an "incident" nor a "component_update" object',
  };
}

/** What a notification means for User Trust. @public */
export type StatuspageNotificationOutcome =
  | ({ type: 'incident' } & AttributedIncident)
  | { type: 'ignored'; reason: string }
  | { type: 'invalid'; message: string };

/** @public */
export type StatuspageNotificationContext = {
  /** The configured page whose token the delivery's URL holds. */
  pageId: string;
  mapping: Pick<ComponentEntityMapping, 'resolve' | 'resolvePage'>;
  /** The clock; maintenances ahead of it are not stored yet. */
  now: Date;
};

/**
 * Turns a parsed notification into signals per entity and kept unmapped
 * signals. A component status change is acknowledged and ignored: the
 * incident it belongs to carries its components. A notification for
 * another page than the URL's is invalid (a token must not vouch for
 * another page's data). Never throws.
 *
 * @public
 */
export function interpretStatuspageNotification(
  notification: StatuspageNotification,
  context: StatuspageNotificationContext,
): StatuspageNotificationOutcome {
  if (notification.page.id !== context.pageId) {
    return {
      type: 'invalid',
      message: `notification of page '${notification.page.id}' on the webhook URL of page '${context.pageId}'`,
    };
  }
  if (notification.type === 'component_update') {
    return {
      type: 'ignored',
      reason: `component status change (${notification.componentUpdate.component_id}); incidents carry their components`,
    };
  }
  return {
    type: 'incident',
    ...attributeIncident(
      context.pageId,
      notification.incident,
      context.mapping,
      context.now,
    ),
  };
}
