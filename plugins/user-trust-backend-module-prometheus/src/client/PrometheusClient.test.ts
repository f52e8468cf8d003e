import { FakePrometheus } from '../__testUtils__/fakePrometheus';
import { PrometheusApiError } from './PrometheusApiError';
import { PrometheusClient } from './PrometheusClient';

const DAY = 86_400;
const range = { start: 100 * DAY, end: 102 * DAY, stepSeconds: DAY };

describe('PrometheusClient against a fake Prometheus', () => {
  let fake: FakePrometheus;
  beforeEach(async () => {
    fake = await FakePrometheus.start();
  });
  afterEach(() => fake.stop());

  const client = (
    options: Partial<ConstructorParameters<typeof PrometheusClient>[0]> = {},
  ) =>
    new PrometheusClient({
      baseUrl: `${fake.baseUrl}/`,
      timeoutSeconds: 5,
      ...options,
    });

  it('POSTs query_range as a form and reads the matrix and its warnings', async () => {
    fake.set('sum(up)', {
      series: [{ metric: { job: 'a' }, at: t => t / DAY }],
      warnings: ['PromQL info: metric might not be a counter'],
    });
    const answer = await client({
      credentials: { type: 'bearer', token: 't0k' },
    }).queryRange('sum(up)', range);
    expect(answer.result).toEqual([
      {
        metric: { job: 'a' },
        values: [
          [100 * DAY, '100'],
          [101 * DAY, '101'],
          [102 * DAY, '102'],
        ],
      },
    ]);
    expect(answer.warnings).toEqual([
      'PromQL info: metric might not be a counter',
    ]);
    const [req] = fake.requests;
    expect(req.path).toBe('/api/v1/query_range');
    expect(Object.fromEntries(req.params)).toEqual({
      query: 'sum(up)',
      start: String(100 * DAY),
      end: String(102 * DAY),
      step: String(DAY),
      timeout: '5s',
    });
    expect(req.authorization).toBe('Bearer t0k');
  });

  it('reads an instant vector and sends basic auth', async () => {
    fake.set('up', { series: [{ at: () => 1 }] });
    const answer = await client({
      credentials: { type: 'basic', username: 'u', password: 'p' },
    }).query('up', 1000);
    expect(answer.result).toEqual([{ metric: {}, value: [1000, '1'] }]);
    expect(fake.requests[0].authorization).toBe(
      `Basic ${Buffer.from('u:p').toString('base64')}`,
    );
  });

  it.each([
    [
      'unknown PromQL (400 bad_data)',
      undefined,
      { kind: 'bad_data', status: 400 },
      /400 bad_data: invalid parameter "query"/,
    ],
    [
      '422 execution',
      {
        error: {
          status: 422 as const,
          errorType: 'execution',
          error: 'expanding series: too many samples',
        },
      },
      { kind: 'execution', status: 422 },
      /422 execution: expanding series/,
    ],
    [
      '503 timeout',
      {
        error: {
          status: 503 as const,
          errorType: 'timeout',
          error: 'query timed out',
        },
      },
      { kind: 'timeout', status: 503 },
      /503 timeout/,
    ],
    [
      'a garbage body with 200',
      { garbage: '<html>hello</html>' },
      { kind: 'invalid-response', status: 200 },
      /not its JSON envelope: <html>/,
    ],
    [
      'a 502 from a proxy',
      { garbage: 'Bad Gateway', status: 502 },
      { kind: 'http', status: 502 },
      /502 without an error envelope: Bad Gateway/,
    ],
  ])(
    'answers %s with a PrometheusApiError',
    async (_, answer, details, message) => {
      if (answer) fake.set('q', answer);
      const error = await client()
        .queryRange('q', range)
        .catch(e => e);
      expect(error).toBeInstanceOf(PrometheusApiError);
      expect(error).toMatchObject(details);
      expect(error.message).toMatch(message);
    },
  );

  it('refuses a result of the wrong type', async () => {
    fake.set('bad', {
      garbage: JSON.stringify({
        status: 'success',
        data: { resultType: 'scalar', result: [1, '1'] },
      }),
    });
    await expect(client().queryRange('bad', range)).rejects.toMatchObject({
      kind: 'invalid-response',
      message: expect.stringMatching(/resultType scalar where matrix/),
    });
  });

  it('gives up on a Prometheus that does not answer within its timeout', async () => {
    fake.set('slow', { hangMs: 5000 });
    const started = Date.now();
    await expect(
      client({ timeoutSeconds: 0.2 }).queryRange('slow', range),
    ).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('names an unreachable Prometheus', async () => {
    const url = fake.baseUrl;
    await fake.stop();
    await expect(
      new PrometheusClient({ baseUrl: url, timeoutSeconds: 2 }).queryRange(
        'up',
        range,
      ),
    ).rejects.toMatchObject({ kind: 'network' });
    fake = await FakePrometheus.start();
  });

  it('answers 401 of a proxy as an http error', async () => {
    fake.requiredAuthorization = 'Bearer right';
    fake.set('up', { series: [{ at: () => 1 }] });
    await expect(
      client({ credentials: { type: 'bearer', token: 'wrong' } }).queryRange(
        'up',
        range,
      ),
    ).rejects.toMatchObject({ kind: 'http', status: 401 });
  });
});
