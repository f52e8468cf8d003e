import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * What the fake answers for one PromQL expression: series whose value at
 * time `t` (Unix seconds) is computed (undefined: no sample at `t`), or an
 * error as Prometheus answers it, or a broken answer.
 */
export type FakeQuery =
  | {
      series: Array<{
        metric?: Record<string, string>;
        at: (t: number) => number | string | undefined;
      }>;
      warnings?: string[];
    }
  | { error: { status: 400 | 422 | 503; errorType: string; error: string } }
  | { garbage: string; status?: number }
  | { hangMs: number };

export type FakeRequest = {
  path: string;
  params: URLSearchParams;
  authorization?: string;
};

/**
 * A Prometheus HTTP API (`/api/v1/query_range`, `/api/v1/query`, GET and
 * POST with a form body) that evaluates only the expressions it is given
 * and answers everything else as Prometheus answers a parse error: 400
 * with `errorType: bad_data`. Parameters are checked as Prometheus checks
 * them (missing or unparsable start/end/step, end before start, more than
 * 11,000 points).
 */
export class FakePrometheus {
  readonly queries = new Map<string, FakeQuery>();
  readonly requests: FakeRequest[] = [];
  /** When set, requests without exactly this Authorization answer 401 (plain text, as a proxy does). */
  requiredAuthorization?: string;
  private server?: Server;

  static async start(): Promise<FakePrometheus> {
    const fake = new FakePrometheus();
    await fake.listen();
    return fake;
  }

  get baseUrl(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  set(query: string, answer: FakeQuery): this {
    this.queries.set(query, answer);
    return this;
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(error => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    return new Promise(resolve =>
      this.server!.listen(0, '127.0.0.1', () => resolve()),
    );
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    let params = url.searchParams;
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      for (const [k, v] of params) body.append(k, v);
      params = body;
    }
    this.requests.push({
      path: url.pathname,
      params,
      authorization: req.headers.authorization,
    });
    if (
      this.requiredAuthorization &&
      req.headers.authorization !== this.requiredAuthorization
    ) {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('Unauthorized');
      return;
    }
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const badData = (error: string) =>
      json(400, { status: 'error', errorType: 'bad_data', error });

    const range = url.pathname === '/api/v1/query_range';
    if (!range && url.pathname !== '/api/v1/query') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('404 page not found');
      return;
    }
    const query = params.get('query');
    if (!query) {
      badData(
        'invalid parameter "query": unknown position: parse error: no expression found in input',
      );
      return;
    }
    let times: number[];
    if (range) {
      const start = Number(params.get('start'));
      const end = Number(params.get('end'));
      const step = Number(params.get('step'));
      if (!params.get('start') || !Number.isFinite(start)) {
        badData('invalid parameter "start": cannot parse to a valid timestamp');
        return;
      }
      if (!params.get('end') || !Number.isFinite(end)) {
        badData('invalid parameter "end": cannot parse to a valid timestamp');
        return;
      }
      if (end < start) {
        badData(
          'invalid parameter "end": end timestamp must not be before start time',
        );
        return;
      }
      if (!(step > 0)) {
        badData(
          'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer',
        );
        return;
      }
      if ((end - start) / step > 11000) {
        badData(
          'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
        );
        return;
      }
      times = [];
      for (let t = start; t <= end; t += step) times.push(t);
    } else {
      const time = params.get('time');
      times = [time ? Number(time) : Date.now() / 1000];
    }

    const answer = this.queries.get(query);
    if (!answer) {
      badData(
        `invalid parameter "query": 1:1: parse error: unexpected identifier in ${JSON.stringify(
          query,
        )}`,
      );
      return;
    }
    if ('error' in answer) {
      json(answer.error.status, {
        status: 'error',
        errorType: answer.error.errorType,
        error: answer.error.error,
      });
      return;
    }
    if ('garbage' in answer) {
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/html' });
      res.end(answer.garbage);
      return;
    }
    if ('hangMs' in answer) {
      // unref: a stopped fake leaves no timer behind.
      await new Promise(resolve => setTimeout(resolve, answer.hangMs).unref());
      json(503, {
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation',
      });
      return;
    }
    const sample = (t: number, v: number | string): [number, string] => [
      t,
      typeof v === 'number' ? String(v) : v,
    ];
    const matrix = answer.series
      .map(s => ({
        metric: s.metric ?? {},
        values: times.flatMap(t => {
          const v = s.at(t);
          return v === undefined ? [] : [sample(t, v)];
        }),
      }))
      // Prometheus leaves out series without samples.
      .filter(s => s.values.length > 0);
    json(200, {
      status: 'success',
      data: range
        ? { resultType: 'matrix', result: matrix }
        : {
            resultType: 'vector',
            result: matrix.map(s => ({ metric: s.metric, value: s.values[0] })),
          },
      ...(answer.warnings && { warnings: answer.warnings }),
    });
  }
}
