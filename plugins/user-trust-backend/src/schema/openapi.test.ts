import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  MAX_SIGNALS_PER_BATCH,
  SIGNAL_KINDS,
  SIGNAL_SEVERITIES,
} from '@user-trust/plugin-user-trust-common';
import { spec } from './openapi.generated';

// Generating both files (openapi-typescript, prettier) takes seconds on a
// loaded 2-core machine: more than jest's default 5 s.
jest.setTimeout(60_000);

describe('openapi.generated.ts', () => {
  it('is up to date with openapi.yaml (else run `yarn generate:openapi`)', () => {
    const yaml = YAML.parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    // toStrictEqual also catches keys present on one side only.
    expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(yaml);
  });

  it.each(['spec', 'types'] as const)(
    'leaves the generated %s file as `yarn generate:openapi` writes it',
    async key => {
      // The script is the one generator of both files; compare byte for byte.
      const { render, targets } = require('../../scripts/generate-openapi');
      const files = await render();
      expect(fs.readFileSync(targets[key], 'utf8')).toBe(files[key]);
    },
  );
});

describe('openapi.yaml', () => {
  it('caps a batch at MAX_SIGNALS_PER_BATCH', () => {
    // The router enforces the schema limit, backend modules the constant.
    expect(
      spec.paths['/signals'].post.requestBody.content['application/json'].schema
        .properties.signals.maxItems,
    ).toBe(MAX_SIGNALS_PER_BATCH);
  });

  it('lists exactly the signal kinds and severities of the common package', () => {
    expect(spec.components.schemas.SignalKind.enum).toEqual(SIGNAL_KINDS);
    expect(spec.components.schemas.SignalSeverity.enum).toEqual(
      SIGNAL_SEVERITIES,
    );
  });
});
