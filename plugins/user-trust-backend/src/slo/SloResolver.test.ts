import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { validateOpenSlo } from '@user-trust/plugin-user-trust-common';
import { JsonValue } from '@backstage/types';
import { parse as parseYaml } from 'yaml';
import { EntitySloStore } from './EntitySloStore';
import { DEFAULT_SLO_RULE } from './defaultSlos';
import { SLO_ANNOTATION, SloResolver } from './SloResolver';

/** An OpenSLO file with one SLO of the given name. */
const sloFile = (name: string) => `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  service: checkout
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: ${name}-csat
    spec:
      ratioMetric:
        good:
          metricSource:
            type: UserTrust
            spec:
              kind: csat_response
              valueAtLeast: 4
        total:
          metricSource:
            type: UserTrust
            spec:
              kind: csat_response
  objectives:
    - target: 0.9
`;

/** A file that is no OpenSLO document, with something to keep secret. */
const SECRETS = 'db_password: hunter2\napi_token: abc123\n';

describe('SloResolver annotation files', () => {
  let tmp: string;
  let catalogDir: string;
  let readUrl: jest.Mock;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let resolver: SloResolver;

  beforeAll(async () => {
    tmp = await fs.realpath(
      await fs.mkdtemp(path.join(os.tmpdir(), 'slo-resolver-')),
    );
    catalogDir = path.join(tmp, 'repo');
    const outside = path.join(tmp, 'outside');
    await fs.mkdir(path.join(catalogDir, 'sub'), { recursive: true });
    await fs.mkdir(outside);
    await fs.writeFile(path.join(catalogDir, 'slos.yaml'), sloFile('beside'));
    await fs.writeFile(
      path.join(catalogDir, 'partly.yaml'),
      `${sloFile('supported')}---${sloFile('hourly').replace(
        'duration: 28d',
        'duration: 12h',
      )}`,
    );
    await fs.writeFile(
      path.join(catalogDir, 'sub', 'slos.yaml'),
      sloFile('in-sub'),
    );
    await fs.writeFile(path.join(catalogDir, 'secrets.yaml'), SECRETS);
    await fs.writeFile(path.join(outside, 'slos.yaml'), sloFile('outside'));
    await fs.writeFile(path.join(outside, 'secrets.yaml'), SECRETS);
    // A file symlink and a directory symlink leading out of the directory,
    // and a file symlink that stays inside it.
    await fs.symlink(
      path.join(outside, 'slos.yaml'),
      path.join(catalogDir, 'link.yaml'),
    );
    await fs.symlink(
      path.join(outside, 'secrets.yaml'),
      path.join(catalogDir, 'secret-link.yaml'),
    );
    await fs.symlink(outside, path.join(catalogDir, 'linked-dir'));
    await fs.symlink(
      path.join(catalogDir, 'slos.yaml'),
      path.join(catalogDir, 'inner-link.yaml'),
    );
    // The catalog file's directory itself reached through a symlink.
    await fs.symlink(catalogDir, path.join(tmp, 'repo-link'));
  });

  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  beforeEach(() => {
    readUrl = jest.fn(async (url: string) => ({
      buffer: async () =>
        Buffer.from(sloFile(`from-${path.basename(url, '.yaml')}`)),
    }));
    logger = mockServices.logger.mock();
    const store = {
      get: async () => undefined,
      getMany: async () => new Map(),
    } as unknown as EntitySloStore;
    resolver = SloResolver.fromConfig(mockServices.rootConfig({ data: {} }), {
      store,
      urlReader: { readUrl } as unknown as UrlReaderService,
      logger,
    });
  });

  function entity(target: string, location?: string): Entity {
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout-api',
        annotations: {
          [SLO_ANNOTATION]: target,
          ...(location ? { 'backstage.io/managed-by-location': location } : {}),
        },
      },
      spec: { type: 'library' },
    };
  }

  const fileLocation = (dir = catalogDir) =>
    `file:${path.join(dir, 'catalog-info.yaml')}`;

  /** The annotation SLOs and the problems, checked to reveal nothing. */
  async function resolve(target: string, location = fileLocation()) {
    const result = await resolver.resolve(entity(target, location));
    const shown = JSON.stringify(result);
    expect(shown).not.toContain(tmp);
    expect(shown).not.toMatch(/db_password|api_token|hunter2/);
    return {
      slos: result.slos
        .filter(s => s.source.type === 'annotation')
        .map(s => [s.slo.name, s.source]),
      problems: result.problems,
    };
  }

  it('reads a file beside the catalog file, showing the annotation as written', async () => {
    expect(await resolve('./slos.yaml')).toEqual({
      slos: [['beside', { type: 'annotation', location: './slos.yaml' }]],
      problems: [],
    });
    expect((await resolve('sub/slos.yaml')).slos).toEqual([
      ['in-sub', { type: 'annotation', location: 'sub/slos.yaml' }],
    ]);
  });

  it('follows symlinks that stay inside the directory, also when the directory is reached through one', async () => {
    expect((await resolve('./inner-link.yaml')).slos).toEqual([
      ['beside', { type: 'annotation', location: './inner-link.yaml' }],
    ]);
    const viaLink = await resolve(
      './slos.yaml',
      fileLocation(path.join(tmp, 'repo-link')),
    );
    expect(viaLink.slos.map(([name]) => name)).toEqual(['beside']);
  });

  it.each([
    ['a path leaving the directory', '../outside/slos.yaml'],
    ['an absolute path', '/etc/passwd'],
    ['a file symlink pointing outside', './link.yaml'],
    ['a directory symlink pointing outside', './linked-dir/slos.yaml'],
    ['a symlink to a secret outside', './secret-link.yaml'],
  ])('refuses %s, reading nothing', async (_, target) => {
    expect(await resolve(target)).toEqual({
      slos: [],
      problems: [
        {
          source: { type: 'annotation', location: target },
          message: `${SLO_ANNOTATION}: '${target}' is outside the directory of the entity's catalog file`,
        },
      ],
    });
  });

  it('does not echo the keys of a file that is no OpenSLO document, but logs them', async () => {
    expect(await resolve('./secrets.yaml')).toEqual({
      slos: [],
      problems: [
        {
          source: { type: 'annotation', location: './secrets.yaml' },
          message: `${SLO_ANNOTATION}: './secrets.yaml' is not a valid OpenSLO file (the backend log has the details)`,
        },
      ],
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(path.join(catalogDir, 'secrets.yaml')),
    );
  });

  it('applies the supported SLOs of a file and reports the skipped ones without echoing them', async () => {
    expect(await resolve('./partly.yaml')).toEqual({
      slos: [['supported', { type: 'annotation', location: './partly.yaml' }]],
      problems: [
        {
          source: { type: 'annotation', location: './partly.yaml' },
          message: `${SLO_ANNOTATION}: './partly.yaml' holds valid OpenSLO that User Trust does not support, skipped: documents [1] (POST /slos/validate with the file, or the backend log, says why; the other SLOs apply)`,
        },
      ],
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        '[1] spec.timeWindow[0].duration: rolling windows shorter than a day are not supported by User Trust',
      ),
    );
  });

  it.each([
    ['a missing file', './missing.yaml', 'could not be read'],
    ['a directory', './sub', 'is not a file'],
  ])('reports %s without server paths', async (_, target, problem) => {
    expect((await resolve(target)).problems).toEqual([
      {
        source: { type: 'annotation', location: target },
        message: `${SLO_ANNOTATION}: '${target}' ${problem}`,
      },
    ]);
  });

  it('reads a file relative to a URL location, or an absolute URL, through the URL reader', async () => {
    const location =
      'url:https://github.com/brightcart/checkout/blob/main/catalog-info.yaml';
    expect((await resolve('./slos/checkout.yaml', location)).slos).toEqual([
      [
        'from-checkout',
        {
          type: 'annotation',
          location:
            'url:https://github.com/brightcart/checkout/blob/main/slos/checkout.yaml',
        },
      ],
    ]);
    expect(readUrl).toHaveBeenCalledWith(
      'https://github.com/brightcart/checkout/blob/main/slos/checkout.yaml',
    );
    const absolute = 'https://example.com/slos/all.yaml';
    expect((await resolve(absolute, fileLocation())).slos).toEqual([
      ['from-all', { type: 'annotation', location: `url:${absolute}` }],
    ]);
  });

  it('reports a relative path on an entity without a location', async () => {
    const result = await resolver.resolve(entity('./slos.yaml'));
    expect(result.problems).toEqual([
      {
        source: { type: 'annotation', location: './slos.yaml' },
        message: `${SLO_ANNOTATION}: './slos.yaml' is relative, but the entity has no location to resolve it against`,
      },
    ]);
  });
});

describe('SloResolver config defaults', () => {
  const store = {
    get: async () => undefined,
    getMany: async () => new Map(),
  } as unknown as EntitySloStore;
  const service: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api' },
    spec: { type: 'service' },
  };
  const yamlDocuments = (text: string) =>
    // The config holds documents as objects.
    text
      .split('---')
      .map(part => parseYaml(part) as JsonValue)
      .filter(Boolean);

  function resolverWith(documents: JsonValue[]) {
    const logger = mockServices.logger.mock();
    const resolver = SloResolver.fromConfig(
      mockServices.rootConfig({
        data: {
          userTrust: {
            slos: { defaults: [{ rule: 'services', documents }] },
          },
        },
      }),
      {
        store,
        urlReader: {} as UrlReaderService,
        logger,
      },
    );
    return { resolver, logger };
  }

  it('keeps the built-in defaults valid and supported under OpenSLO v1', () => {
    const result = validateOpenSlo(JSON.stringify(DEFAULT_SLO_RULE.documents));
    expect(result.errors).toEqual([]);
    expect(result.unsupported).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.slos).toHaveLength(4);
  });

  it('skips an unsupported SLO of a rule, applying the others and reporting it', async () => {
    const { resolver, logger } = resolverWith(
      yamlDocuments(
        `${sloFile('daily')}---${sloFile('monthly').replace(
          'duration: 28d',
          'duration: 1M',
        )}`,
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        "userTrust.slos.defaults rule 'services': Not supported by User Trust: [1] spec.timeWindow[0].duration",
      ),
    );
    const result = await resolver.resolve(service, null);
    expect(result.slos.map(s => s.slo.name)).toEqual(['daily']);
    expect(result.problems).toEqual([
      {
        source: { type: 'config', rule: 'services' },
        message: expect.stringMatching(
          /^Not supported by User Trust: \[1\] spec\.timeWindow\[0\]\.duration: rolling windows given in months.*\(skipped; the other SLOs apply\)$/,
        ),
      },
    ]);
  });

  it('refuses a rule with invalid OpenSLO at start-up', () => {
    expect(() =>
      resolverWith(
        yamlDocuments(
          sloFile('no-service').replace('  service: checkout\n', ''),
        ),
      ),
    ).toThrow(
      "Invalid userTrust.slos.defaults rule 'services': Invalid OpenSLO v1: spec.service: is required: the name of the service this SLO belongs to",
    );
  });
});
