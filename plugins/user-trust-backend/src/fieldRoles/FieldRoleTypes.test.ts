import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_FIELD_ROLES,
  DEFAULT_TIER_LABEL,
} from '@user-trust/plugin-user-trust-common';
import { FieldRoleTypes } from './FieldRoleTypes';

function entity(
  kind: string,
  spec: Record<string, string>,
  labels?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', namespace: 'default', labels },
    spec,
  };
}

describe('FieldRoleTypes', () => {
  it('uses the default roles without configuration', () => {
    const types = FieldRoleTypes.fromConfig(new ConfigReader({}));
    expect(types.list()).toEqual(DEFAULT_FIELD_ROLES);
    expect(types.requiredKinds()).toEqual(['component']);
    expect(
      types.requiredRoles(
        entity(
          'Component',
          { type: 'Service' },
          { [DEFAULT_TIER_LABEL]: 'Tier-1' },
        ),
      ),
    ).toEqual(['tam', 'csm', 'support']);
    expect(
      types.requiredRoles(entity('Component', { type: 'website' })),
    ).toEqual(['support']);
    expect(
      types.requiredRoles(entity('Component', { type: 'library' })),
    ).toEqual([]);
    expect(types.requiredRoles(entity('API', { type: 'openapi' }))).toEqual([]);
  });

  it('reads roles and requirements from config, with the configured tier label', () => {
    const types = FieldRoleTypes.fromConfig(
      new ConfigReader({
        userTrust: {
          slos: { tierLabel: 'example.com/tier' },
          fieldRoles: [
            {
              id: 'devrel',
              title: 'DevRel',
              description: 'Developers',
              requiredFor: [
                { kind: 'API', lifecycle: ['Production'] },
                { kind: ['component'], tier: 'gold' },
              ],
            },
          ],
        },
      }),
    );
    expect(types.list()).toEqual([
      {
        id: 'devrel',
        title: 'DevRel',
        description: 'Developers',
        requiredFor: [
          { kind: ['api'], lifecycle: ['production'] },
          { kind: ['component'], tier: ['gold'] },
        ],
      },
    ]);
    expect(types.requiredKinds()).toEqual(['api', 'component']);
    expect(
      types.requiredRoles(entity('API', { lifecycle: 'production' })),
    ).toEqual(['devrel']);
    expect(
      types.requiredRoles(entity('API', { lifecycle: 'experimental' })),
    ).toEqual([]);
    expect(
      types.requiredRoles(
        entity('Component', {}, { 'example.com/tier': 'Gold' }),
      ),
    ).toEqual(['devrel']);
    expect(
      types.requiredRoles(
        entity('Component', {}, { [DEFAULT_TIER_LABEL]: 'gold' }),
      ),
    ).toEqual([]);
  });

  it('rejects bad and duplicate ids', () => {
    expect(() =>
      FieldRoleTypes.fromConfig(
        new ConfigReader({
          userTrust: { fieldRoles: [{ id: 'Account Manager', title: 'x' }] },
        }),
      ),
    ).toThrow(/userTrust.fieldRoles\[0\].id: 'Account Manager' must be/);
    expect(() =>
      FieldRoleTypes.fromConfig(
        new ConfigReader({
          userTrust: {
            fieldRoles: [
              { id: 'tam', title: 'x' },
              { id: 'tam', title: 'y' },
            ],
          },
        }),
      ),
    ).toThrow("userTrust.fieldRoles[1].id: 'tam' is defined twice");
  });
});
