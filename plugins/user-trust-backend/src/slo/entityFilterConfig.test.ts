import { ConfigReader } from '@backstage/config';
import {
  entityFilterFromConfig,
  tierLabelFromConfig,
} from './entityFilterConfig';

describe('entityFilterFromConfig', () => {
  it('reads the conditions given, one value or a list, lower-cased', () => {
    expect(
      entityFilterFromConfig(
        new ConfigReader({ kind: 'Component', tier: ['Tier-1', 'tier-2'] }),
      ),
    ).toEqual({ kind: ['component'], tier: ['tier-1', 'tier-2'] });
    expect(entityFilterFromConfig(new ConfigReader({}))).toEqual({});
  });

  it('reads under a prefix', () => {
    expect(
      entityFilterFromConfig(
        new ConfigReader({
          rule: 'x',
          filter: { type: ['Service'], lifecycle: 'production' },
        }),
        'filter.',
      ),
    ).toEqual({ type: ['service'], lifecycle: ['production'] });
    expect(
      entityFilterFromConfig(new ConfigReader({ rule: 'x' }), 'filter.'),
    ).toEqual({});
  });
});

describe('tierLabelFromConfig', () => {
  it('is userTrust.slos.tierLabel when set', () => {
    expect(
      tierLabelFromConfig(
        new ConfigReader({ userTrust: { slos: { tierLabel: 'acme/tier' } } }),
      ),
    ).toBe('acme/tier');
  });
});

describe('the default tier label', () => {
  it('is the plugin’s own', () => {
    expect(tierLabelFromConfig(new ConfigReader({}))).toBe(
      'user-trust.io/tier',
    );
  });
});
