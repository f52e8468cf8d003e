import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { principalRef } from './principals';

describe('principalRef', () => {
  const auth = mockServices.auth();

  it('is the user entity ref of a user', () => {
    expect(
      principalRef(auth, mockCredentials.user('user:default/rachel')),
    ).toBe('user:default/rachel');
  });

  it('is the subject of a service', () => {
    expect(
      principalRef(auth, mockCredentials.service('external:ingestion')),
    ).toBe('external:ingestion');
  });

  it('is none without a principal', () => {
    expect(principalRef(auth, mockCredentials.none())).toBe('none');
  });
});
