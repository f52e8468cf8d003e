import { ResponseError } from '@backstage/errors';
import {
  SignalImportRequest,
  SignalImportResult,
} from '@user-trust/plugin-user-trust-common';
import { UserTrustClient } from './UserTrustClient';

const base = 'http://localhost:7007/api/user-trust';

function setup(response: () => Response) {
  const fetch = jest.fn().mockImplementation(async () => response());
  const client = new UserTrustClient({
    discoveryApi: { getBaseUrl: jest.fn().mockResolvedValue(base) },
    fetchApi: { fetch },
  });
  return { client, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/**
 * A streamed answer as a browser's fetch gives it: a body whose reader
 * hands out the given chunks as bytes, in order.
 */
function streamed(chunks: Array<string | Uint8Array>): Response {
  const encoder = new TextEncoder();
  const queue = chunks.map(chunk =>
    typeof chunk === 'string' ? encoder.encode(chunk) : chunk,
  );
  const releaseLock = jest.fn();
  return {
    ok: true,
    status: 200,
    headers: new Headers({
      'Content-Type': 'application/x-ndjson; charset=utf-8',
    }),
    body: {
      getReader: () => ({
        read: async () => {
          const value = queue.shift();
          return value ? { done: false, value } : { done: true };
        },
        releaseLock,
      }),
    },
  } as unknown as Response;
}

const request: SignalImportRequest = {
  source: 'crm-export',
  format: 'csv',
  fileName: 'cases.csv',
  content: 'Case,Created,Service\n1,2026-11-27,checkout-api\n',
  mapping: {
    columns: {
      externalId: 'Case',
      occurredAt: 'Created',
      entityRef: 'Service',
    },
    defaults: { kind: 'support_case' },
  },
};

function result(overrides: Partial<SignalImportResult> = {}) {
  return {
    dryRun: false,
    applied: true,
    rows: 3,
    columns: ['Case', 'Created', 'Service'],
    created: 2,
    updated: 1,
    unchanged: 0,
    errorCount: 0,
    errors: [],
    preview: [],
    ...overrides,
  };
}

describe('UserTrustClient imports', () => {
  it('runs a dry run with the request as JSON', async () => {
    const answer = result({ dryRun: true, applied: false });
    const { client, fetch } = setup(() => json(answer));
    await expect(
      client.importSignals(request, { dryRun: true }),
    ).resolves.toEqual(answer);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${base}/imports/signals?dryRun=true`);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body)).toEqual(request);
  });

  it('imports without a stream when nobody follows the progress', async () => {
    const { client, fetch } = setup(() => json(result()));
    await expect(
      client.importSignals(request, { dryRun: false }),
    ).resolves.toEqual(result());
    expect(fetch.mock.calls[0][0]).toBe(`${base}/imports/signals?dryRun=false`);
  });

  it('streams the progress, with lines split across chunks, then the result', async () => {
    const lines = [
      JSON.stringify({ progress: { phase: 'writing', done: 1, total: 3 } }),
      JSON.stringify({ progress: { phase: 'writing', done: 3, total: 3 } }),
      JSON.stringify({ result: result() }),
    ].join('\n');
    // Cut in the middle of the first line, of the second, and of the result.
    const chunks = [
      lines.slice(0, 20),
      lines.slice(20, 90),
      lines.slice(90, 130),
      `${lines.slice(130)}\n`,
    ];
    const { client, fetch } = setup(() => streamed(chunks));
    const onProgress = jest.fn();

    await expect(
      client.importSignals(request, { dryRun: false, onProgress }),
    ).resolves.toEqual(result());

    expect(onProgress.mock.calls).toEqual([
      [{ phase: 'writing', done: 1, total: 3 }],
      [{ phase: 'writing', done: 3, total: 3 }],
    ]);
    const [, init] = fetch.mock.calls[0];
    expect(init.headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/x-ndjson, application/json',
    });
  });

  it('reads a last line without a newline and multi-byte characters cut in two', async () => {
    const answer = result({ columns: ['Fall', 'Größe'] });
    const text = JSON.stringify({ result: answer });
    const bytes = new TextEncoder().encode(text);
    // Inside the two bytes of ö.
    const cut =
      new TextEncoder().encode(text.slice(0, text.indexOf('ö'))).length + 1;
    const { client } = setup(() =>
      streamed([bytes.slice(0, cut), bytes.slice(cut)]),
    );
    await expect(
      client.importSignals(request, { dryRun: false, onProgress: jest.fn() }),
    ).resolves.toEqual(answer);
  });

  it('throws the message of an error line (the import rolled back)', async () => {
    const { client } = setup(() =>
      streamed([
        `${JSON.stringify({
          progress: { phase: 'writing', done: 1, total: 3 },
        })}\n`,
        `${JSON.stringify({
          error: { name: 'Error', message: 'The database went away' },
        })}\n`,
      ]),
    );
    const onProgress = jest.fn();
    await expect(
      client.importSignals(request, { dryRun: false, onProgress }),
    ).rejects.toThrow('The database went away');
    expect(onProgress).toHaveBeenCalledTimes(1);
  });

  it('throws when the stream ends without a result', async () => {
    const { client } = setup(() =>
      streamed([
        `${JSON.stringify({
          progress: { phase: 'writing', done: 1, total: 3 },
        })}\n`,
      ]),
    );
    await expect(
      client.importSignals(request, { dryRun: false, onProgress: jest.fn() }),
    ).rejects.toThrow(/without a result/);
  });

  it('reads a streamed answer from a body without a reader', async () => {
    const { client } = setup(
      () =>
        new Response(
          `${JSON.stringify({
            progress: { phase: 'writing', done: 3, total: 3 },
          })}\n${JSON.stringify({ result: result() })}\n`,
          { headers: { 'Content-Type': 'application/x-ndjson' } },
        ),
    );
    const onProgress = jest.fn();
    await expect(
      client.importSignals(request, { dryRun: false, onProgress }),
    ).resolves.toEqual(result());
    expect(onProgress).toHaveBeenCalledWith({
      phase: 'writing',
      done: 3,
      total: 3,
    });
  });

  it('turns a refused file into a ResponseError with the backend message', async () => {
    const { client } = setup(() =>
      json(
        {
          error: {
            name: 'InputError',
            message: '2 rows have errors, e.g. row 4: occurredAt: not a time',
          },
          response: { statusCode: 400 },
        },
        400,
      ),
    );
    const failure = client.importSignals(request, {
      dryRun: false,
      onProgress: jest.fn(),
    });
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      body: { error: { message: expect.stringContaining('row 4') } },
    });
  });

  it('lists the saved mappings and saves one under its source', async () => {
    const saved = {
      source: 'crm export/1',
      mapping: request.mapping,
      updatedBy: 'user:default/rachel.kim',
      updatedAt: '2026-11-27T09:30:00.000Z',
    };
    const list = setup(() => json({ items: [saved] }));
    await expect(list.client.listImportMappings()).resolves.toEqual({
      items: [saved],
    });
    expect(list.fetch).toHaveBeenCalledWith(`${base}/imports/mappings`);

    const save = setup(() => json(saved));
    await expect(
      save.client.saveImportMapping('crm export/1', request.mapping),
    ).resolves.toEqual(saved);
    const [url, init] = save.fetch.mock.calls[0];
    expect(url).toBe(`${base}/imports/mappings/crm%20export%2F1`);
    expect(init.method).toBe('PUT');
    expect(JSON.parse(init.body)).toEqual(request.mapping);
  });
});
