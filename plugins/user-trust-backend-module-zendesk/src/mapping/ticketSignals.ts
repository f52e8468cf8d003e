import {
  SignalAttributes,
  SignalSeverity,
} from '@user-trust/plugin-user-trust-common';
import { UnattributedSignalInput } from '@user-trust/plugin-user-trust-node';
import {
  ZendeskSatisfactionRating,
  ZendeskSideloads,
  ZendeskTicket,
} from '../client/types';

/** The `source` of every signal of the connector. @public */
export const ZENDESK_SOURCE = 'zendesk';

/**
 * Zendesk ticket priority → signal severity: `urgent` → `critical`,
 * `high` → `high`, `normal` → `medium`, `low` → `low`. Case-insensitive
 * (ticket events send `HIGH`); a ticket without priority has no severity.
 *
 * @public
 */
export function zendeskSeverity(
  priority: string | null | undefined,
): SignalSeverity | undefined {
  switch (priority?.toLowerCase()) {
    case 'urgent':
      return 'critical';
    case 'high':
      return 'high';
    case 'normal':
      return 'medium';
    case 'low':
      return 'low';
    default:
      return undefined;
  }
}

/** Statuses after which a ticket counts as resolved. @public */
export const ZENDESK_RESOLVED_STATUSES = ['solved', 'closed'] as const;

/** True for `solved` and `closed` tickets (any case). @public */
export function isResolvedStatus(status: string | null | undefined): boolean {
  return (ZENDESK_RESOLVED_STATUSES as readonly string[]).includes(
    status?.toLowerCase() ?? '',
  );
}

/**
 * A satisfaction rating on the 1–5 CSAT scale of the default SLO:
 * legacy CSAT `good` → 5 and `bad` → 1 (with or without comment), a 1–5
 * number (survey responses) kept as it is (`"4"` too). `offered`,
 * `unoffered`, anything else: no response, undefined.
 *
 * @public
 */
export function zendeskCsatValue(
  score: ZendeskSatisfactionRating['score'],
): number | undefined {
  if (score === null || score === undefined) return undefined;
  if (typeof score === 'number') {
    return Number.isInteger(score) && score >= 1 && score <= 5
      ? score
      : undefined;
  }
  const normalized = score.trim().toLowerCase();
  if (normalized === 'good' || normalized === 'good_with_comment') return 5;
  if (normalized === 'bad' || normalized === 'bad_with_comment') return 1;
  if (/^[1-5]$/.test(normalized)) return Number(normalized);
  return undefined;
}

/** The ids of a ticket's signals: `<ticket>`, `<ticket>:escalation`, `<ticket>:csat`. @public */
export const zendeskExternalIds = (ticketId: string | number) => ({
  supportCase: String(ticketId),
  escalation: `${ticketId}:escalation`,
  csat: `${ticketId}:csat`,
});

/** @public */
export type ZendeskTicketSignalOptions = {
  sideloads?: ZendeskSideloads;
  /** Subdomain or host, stored as attribute `zendeskAccount`. */
  account: string;
  /** Catalog User ref of an agent by lower-cased email. */
  userByEmail(email: string): string | undefined;
  /** Whether the ticket is escalated now (escalation group or tag). */
  escalated: boolean;
  /** When the escalation was first seen (kept in connector state). */
  escalatedAt?: string;
  /** When the rating was first seen (kept in connector state). */
  ratedAt?: string;
  /** When the ticket was solved, if known otherwise than by its metrics. */
  solvedAt?: string;
  /**
   * False to leave out the `csat_response` of the ticket's
   * `satisfaction_rating`: a CSAT survey response of the ticket is stored
   * on its own (`survey-response:<id>`), and Zendesk's good/bad summary of
   * it on the ticket must not count twice.
   */
  csat?: boolean;
};

const idOf = (id: unknown) =>
  id === null || id === undefined || id === '' || id === '0' || id === 0
    ? undefined
    : String(id);

/**
 * What every signal of a ticket shares: `source`, `account` (the
 * organization's name, else its id), `handledBy` (the assignee's catalog
 * User by email), `fieldRole` `support` and the ticket's attributes.
 *
 * @public
 */
export function zendeskTicketSignalBase(
  ticket: ZendeskTicket,
  options: Pick<
    ZendeskTicketSignalOptions,
    'sideloads' | 'account' | 'userByEmail'
  >,
): Pick<
  UnattributedSignalInput,
  'source' | 'account' | 'handledBy' | 'fieldRole' | 'attributes'
> {
  const status = ticket.status?.toLowerCase();
  const sideloads = options.sideloads;
  const assigneeId = idOf(ticket.assignee_id);
  const assignee = assigneeId ? sideloads?.users.get(assigneeId) : undefined;
  const handledBy = assignee?.email
    ? options.userByEmail(assignee.email.toLowerCase())
    : undefined;
  const organizationId = idOf(ticket.organization_id);
  const organization = organizationId
    ? sideloads?.organizations.get(organizationId)
    : undefined;
  const account = organization?.name || organizationId;
  const attributes: SignalAttributes = {
    ticketId: String(ticket.id),
    zendeskAccount: options.account,
    ...(status && { status }),
    ...(ticket.type && { ticketType: ticket.type }),
    ...(ticket.via?.channel && { channel: ticket.via.channel }),
    ...(idOf(ticket.group_id) && { groupId: String(ticket.group_id) }),
  };
  return {
    source: ZENDESK_SOURCE,
    ...(account && { account: account.slice(0, 255) }),
    ...(handledBy && { handledBy }),
    fieldRole: 'support',
    attributes,
  };
}

/**
 * The signals of one ticket, without their entity: a `support_case` (id
 * the ticket id), an `escalation` while it is escalated, a `csat_response`
 * once rated (unless `csat` is false). Deleted tickets have none.
 *
 * @public
 */
export function ticketSignals(
  ticket: ZendeskTicket,
  options: ZendeskTicketSignalOptions,
): UnattributedSignalInput[] {
  const status = ticket.status?.toLowerCase();
  if (status === 'deleted') return [];
  const ids = zendeskExternalIds(ticket.id);
  const sideloads = options.sideloads;
  const severity = zendeskSeverity(ticket.priority);
  const updatedAt = ticket.updated_at ?? ticket.created_at;

  let resolvedAt: string | undefined;
  if (isResolvedStatus(status)) {
    resolvedAt =
      sideloads?.metricSets.get(String(ticket.id))?.solved_at ??
      options.solvedAt ??
      updatedAt;
    if (Date.parse(resolvedAt) < Date.parse(ticket.created_at)) {
      resolvedAt = ticket.created_at;
    }
  }

  const shared = zendeskTicketSignalBase(ticket, options);

  const signals: UnattributedSignalInput[] = [
    {
      ...shared,
      externalId: ids.supportCase,
      kind: 'support_case',
      occurredAt: ticket.created_at,
      ...(resolvedAt && { resolvedAt }),
      ...(severity && { severity }),
    },
  ];
  if (options.escalated) {
    signals.push({
      ...shared,
      externalId: ids.escalation,
      kind: 'escalation',
      occurredAt: options.escalatedAt ?? updatedAt,
      ...(severity && { severity }),
    });
  }
  const csat =
    options.csat === false
      ? undefined
      : zendeskCsatValue(ticket.satisfaction_rating?.score);
  if (csat !== undefined) {
    signals.push({
      ...shared,
      externalId: ids.csat,
      kind: 'csat_response',
      occurredAt: options.ratedAt ?? updatedAt,
      value: csat,
    });
  }
  return signals;
}
