import { Entity } from '@backstage/catalog-model';
import { FakePagerDuty, fakeUser } from '../__testUtils__/fakePagerDuty';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { HandledByResolver } from './HandledByResolver';

const user = (name: string, email?: string, kind = 'User'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec: email ? { profile: { email } } : {},
});

describe('HandledByResolver', () => {
  it('finds the catalog User with the PagerDuty user’s email', async () => {
    const fake = await FakePagerDuty.start();
    try {
      fake.users.push(
        { ...fakeUser('PU1', 'Ada'), name: 'Ada', email: 'Ada@Example.com' },
        { ...fakeUser('PU2', 'Bob'), name: 'Bob', email: 'bob@example.com' },
      );
      const client = new PagerDutyClient({
        token: fake.token,
        baseUrl: fake.baseUrl,
      });
      const resolver = HandledByResolver.create({
        accounts: [{ accountId: 'acme', users: await client.listUsers() }],
        catalogUsers: [
          user('ada', 'ada@example.com'),
          user('team-bob', 'bob@example.com', 'Group'),
          user('nobody'),
        ],
      });
      expect(resolver.resolve('acme', 'PU1')).toBe('user:default/ada');
      // a Group with that email is no User
      expect(resolver.resolve('acme', 'PU2')).toBeUndefined();
      expect(resolver.resolve('other', 'PU1')).toBeUndefined();
    } finally {
      await fake.stop();
    }
  });
});
