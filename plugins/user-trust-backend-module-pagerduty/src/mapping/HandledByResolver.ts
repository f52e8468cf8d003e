import { Entity } from '@backstage/catalog-model';
import { toStoredEntityRef } from '@user-trust/plugin-user-trust-common';
import { PagerDutyUser } from '../incidents/types';

/** The users of one configured account. @public */
export type AccountUsers = { accountId: string; users: PagerDutyUser[] };

const lower = (email: string) => email.trim().toLowerCase();

/**
 * Finds the catalog User behind a PagerDuty user, by email: PagerDuty's
 * user email against the catalog User's `spec.profile.email`. Only refs of
 * Users that exist in the catalog are returned, since ingestion refuses a
 * `handledBy` the catalog does not know.
 *
 * @public
 */
export class HandledByResolver {
  private constructor(private readonly refs: Map<string, string>) {}

  static create(options: {
    accounts: AccountUsers[];
    catalogUsers: Entity[];
  }): HandledByResolver {
    const byEmail = new Map<string, string>();
    for (const user of options.catalogUsers) {
      const email = (user.spec?.profile as { email?: unknown } | undefined)
        ?.email;
      if (user.kind.toLowerCase() !== 'user' || typeof email !== 'string') {
        continue;
      }
      if (!byEmail.has(lower(email))) {
        byEmail.set(lower(email), toStoredEntityRef(user));
      }
    }
    const refs = new Map<string, string>();
    for (const { accountId, users } of options.accounts) {
      for (const user of users) {
        const ref = user.email && byEmail.get(lower(user.email));
        if (ref) refs.set(`${accountId}\u0000${user.id}`, ref);
      }
    }
    return new HandledByResolver(refs);
  }

  /** The catalog User of a PagerDuty user, or undefined. */
  resolve(accountId: string, pagerDutyUserId: string): string | undefined {
    return this.refs.get(`${accountId}\u0000${pagerDutyUserId}`);
  }
}
