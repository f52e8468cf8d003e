import fc from 'fast-check';
import {
  isSameEntityRef,
  parseEntityRefParts,
  parseStoredEntityRef,
  toStoredEntityRef,
  tryStoredEntityRef,
} from './entityRefs';

describe('entityRefs', () => {
  describe('toStoredEntityRef', () => {
    it.each([
      [
        'component:default/checkout-api',
        undefined,
        'component:default/checkout-api',
      ],
      [
        'Component:Default/Checkout-API',
        undefined,
        'component:default/checkout-api',
      ],
      ['component:checkout-api', undefined, 'component:default/checkout-api'],
      [
        'checkout-api',
        { defaultKind: 'component' },
        'component:default/checkout-api',
      ],
      ['Rachel.Kim', { defaultKind: 'user' }, 'user:default/rachel.kim'],
      ['payments/rachel', { defaultKind: 'user' }, 'user:payments/rachel'],
      ['group:csm', { defaultKind: 'user' }, 'group:default/csm'],
      ['x', { defaultKind: 'user', defaultNamespace: 'ops' }, 'user:ops/x'],
      // As in the catalog model: a colon after the first slash is the name's.
      ['ns/a:b', { defaultKind: 'user' }, 'user:ns/a:b'],
    ])('%p (%p) is %p', (ref, defaults, expected) => {
      expect(toStoredEntityRef(ref, defaults)).toBe(expected);
    });

    it('takes compound refs and entities', () => {
      expect(toStoredEntityRef({ kind: 'Component', name: 'A' })).toBe(
        'component:default/a',
      );
      expect(
        toStoredEntityRef({ kind: 'User', namespace: 'Ops', name: 'B' }),
      ).toBe('user:ops/b');
      expect(
        toStoredEntityRef({
          kind: 'System',
          metadata: { name: 'Shop', namespace: 'Retail' },
        }),
      ).toBe('system:retail/shop');
      expect(
        toStoredEntityRef({ kind: 'System', metadata: { name: 'Shop' } }),
      ).toBe('system:default/shop');
    });

    it.each([
      ['', 'Entity reference must not be empty'],
      [
        'checkout-api',
        'Entity reference "checkout-api" had missing or empty kind (e.g. did not start with "component:" or similar)',
      ],
      [
        'user:default/',
        'Entity reference "user:default/" was not on the form [<kind>:][<namespace>/]<name>',
      ],
      [
        ':x',
        'Entity reference ":x" was not on the form [<kind>:][<namespace>/]<name>',
      ],
      [
        'user:/x',
        'Entity reference "user:/x" was not on the form [<kind>:][<namespace>/]<name>',
      ],
    ])('refuses %p with the catalog model’s message', (ref, message) => {
      expect(() => toStoredEntityRef(ref)).toThrow(message);
    });

    it('does not trim', () => {
      expect(toStoredEntityRef(' user:a', undefined)).toBe(' user:default/a');
    });

    it('is idempotent and lower-case', () => {
      const part = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,10}$/);
      fc.assert(
        fc.property(part, part, part, (kind, namespace, name) => {
          const stored = toStoredEntityRef(`${kind}:${namespace}/${name}`);
          expect(stored).toBe(stored.toLocaleLowerCase('en-US'));
          expect(toStoredEntityRef(stored)).toBe(stored);
          expect(toStoredEntityRef({ kind, namespace, name })).toBe(stored);
        }),
      );
    });
  });

  describe('parseEntityRefParts and parseStoredEntityRef', () => {
    it('keeps the case as written, or lower-cases', () => {
      expect(
        parseEntityRefParts('Component:Ns/Name', { defaultKind: 'x' }),
      ).toEqual({ kind: 'Component', namespace: 'Ns', name: 'Name' });
      expect(parseEntityRefParts('Name', { defaultKind: 'User' })).toEqual({
        kind: 'User',
        namespace: 'default',
        name: 'Name',
      });
      expect(parseStoredEntityRef('Component:Ns/Name')).toEqual({
        kind: 'component',
        namespace: 'ns',
        name: 'name',
      });
    });
  });

  describe('tryStoredEntityRef', () => {
    it('trims and answers undefined for what is not a ref', () => {
      expect(tryStoredEntityRef('  Rachel.Kim ', { defaultKind: 'user' })).toBe(
        'user:default/rachel.kim',
      );
      expect(tryStoredEntityRef('checkout-api')).toBeUndefined();
      expect(tryStoredEntityRef('   ')).toBeUndefined();
      expect(tryStoredEntityRef('user:')).toBeUndefined();
    });
  });

  describe('isSameEntityRef', () => {
    it('compares case-insensitively, with the default namespace', () => {
      expect(
        isSameEntityRef(
          'Component:checkout-api',
          'component:default/CHECKOUT-API',
        ),
      ).toBe(true);
      expect(
        isSameEntityRef(
          { kind: 'Component', metadata: { name: 'checkout-api' } },
          'component:default/checkout-api',
        ),
      ).toBe(true);
      expect(isSameEntityRef('rachel', 'user:default/rachel')).toBe(false);
      expect(
        isSameEntityRef('rachel', 'user:default/rachel', {
          defaultKind: 'user',
        }),
      ).toBe(true);
      expect(isSameEntityRef('component:a', 'component:b')).toBe(false);
      expect(isSameEntityRef('user:', 'user:')).toBe(false);
    });
  });
});
