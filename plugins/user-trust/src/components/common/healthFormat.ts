import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  EntityHealth,
  WeekOverWeek,
} from '@user-trust/plugin-user-trust-common';
import { formatBurnRate } from './format';

/** "14.2× (1d)", or undefined when no SLO has a burn rate. */
export function formatEntityBurn(
  fastestBurn: EntityHealth['fastestBurn'],
): string | undefined {
  return fastestBurn
    ? `${formatBurnRate(fastestBurn.rate)} (${fastestBurn.window})`
    : undefined;
}

/** "12 ▲4", "3 ▼2" or just "5" when the week before had as many. */
export function formatWeekOverWeek({ last7d, previous7d }: WeekOverWeek) {
  const change = last7d - previous7d;
  if (change === 0) return String(last7d);
  return `${last7d} ${change > 0 ? '\u25b2' : '\u25bc'}${Math.abs(change)}`;
}

/** The same in words, for screen readers and tooltips. */
export function describeWeekOverWeek(
  { last7d, previous7d }: WeekOverWeek,
  noun: string,
): string {
  const change = last7d - previous7d;
  const trend =
    change === 0
      ? 'as many as the week before'
      : `${Math.abs(change)} ${
          change > 0 ? 'more' : 'fewer'
        } than the week before`;
  return `${last7d} ${noun} in the last 7 days, ${trend}`;
}

/**
 * A ref as people read it: `payments` for `group:default/payments` when
 * groups are the expected kind, `user:rachel.kim` otherwise.
 */
export function humanizeRef(ref: string, defaultKind?: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind });
  } catch {
    return ref;
  }
}
