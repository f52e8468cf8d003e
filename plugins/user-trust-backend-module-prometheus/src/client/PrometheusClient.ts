import { PrometheusApiError } from './PrometheusApiError';
import {
  PrometheusEnvelope,
  PrometheusMatrixSeries,
  PrometheusVectorSample,
} from './types';

/** How the module authenticates to Prometheus (or the proxy in front of it). @public */
export type PrometheusCredentials =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

/** @public */
export type PrometheusClientOptions = {
  /** e.g. `https://prometheus.example.com` (the API is `{baseUrl}/api/v1`). */
  baseUrl: string;
  credentials?: PrometheusCredentials;
  /** Per request; also sent to Prometheus as its `timeout` parameter. */
  timeoutSeconds: number;
  /** For tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
};

/** A query's answer and the warnings Prometheus returned with it. @public */
export type PrometheusResult<T> = { result: T; warnings: string[] };

/** Known `errorType`s of the envelope. */
const ERROR_TYPES = new Set([
  'bad_data',
  'execution',
  'timeout',
  'canceled',
  'internal',
  'unavailable',
  'not_found',
]);

/**
 * A client of the two query endpoints of the Prometheus HTTP API.
 * Queries are sent as `POST` with a form body (documented for both
 * endpoints, and without URL length limits for long PromQL); every
 * answer is checked against the documented envelope.
 *
 * @public
 */
export class PrometheusClient {
  private readonly baseUrl: string;

  constructor(private readonly options: PrometheusClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /**
   * `POST /api/v1/query_range`: the expression evaluated at `start`,
   * `start + step`, ... up to `end` (Unix seconds). Answers a `matrix`.
   */
  async queryRange(
    query: string,
    range: { start: number; end: number; stepSeconds: number },
    signal?: AbortSignal,
  ): Promise<PrometheusResult<PrometheusMatrixSeries[]>> {
    const envelope = await this.post(
      '/api/v1/query_range',
      {
        query,
        start: String(range.start),
        end: String(range.end),
        step: String(range.stepSeconds),
      },
      signal,
    );
    return this.expect(envelope, 'matrix') as PrometheusResult<
      PrometheusMatrixSeries[]
    >;
  }

  /** `POST /api/v1/query`: the expression at `time` (Unix seconds). Answers a `vector`. */
  async query(
    query: string,
    time: number,
    signal?: AbortSignal,
  ): Promise<PrometheusResult<PrometheusVectorSample[]>> {
    const envelope = await this.post(
      '/api/v1/query',
      { query, time: String(time) },
      signal,
    );
    return this.expect(envelope, 'vector') as PrometheusResult<
      PrometheusVectorSample[]
    >;
  }

  private expect(envelope: PrometheusEnvelope, resultType: string) {
    const data = envelope.data;
    if (
      !data ||
      data.resultType !== resultType ||
      !Array.isArray(data.result)
    ) {
      throw new PrometheusApiError(
        `Prometheus answered resultType ${
          data?.resultType ?? 'none'
        } where ${resultType} was expected`,
        { kind: 'invalid-response', status: 200 },
      );
    }
    return {
      result: data.result,
      warnings: Array.isArray(envelope.warnings)
        ? envelope.warnings.map(String)
        : [],
    };
  }

  private async post(
    path: string,
    params: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<PrometheusEnvelope> {
    const { credentials, timeoutSeconds } = this.options;
    const doFetch = this.options.fetch ?? fetch;
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (credentials?.type === 'bearer') {
      headers.authorization = `Bearer ${credentials.token}`;
    } else if (credentials?.type === 'basic') {
      headers.authorization = `Basic ${Buffer.from(
        `${credentials.username}:${credentials.password}`,
      ).toString('base64')}`;
    }
    const body = new URLSearchParams({
      ...params,
      timeout: `${timeoutSeconds}s`,
    }).toString();

    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error('timeout')),
      timeoutSeconds * 1000 + 1000,
    );
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort);
    let status: number;
    let text: string;
    try {
      const response = await doFetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut = controller.signal.aborted && !signal?.aborted;
      throw new PrometheusApiError(
        timedOut
          ? `Prometheus did not answer ${path} within ${timeoutSeconds} s`
          : `Prometheus could not be reached at ${this.baseUrl}${path}: ${error}`,
        { kind: timedOut ? 'timeout' : 'network' },
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    let envelope: PrometheusEnvelope | undefined;
    try {
      const parsed = JSON.parse(text);
      if (
        parsed &&
        typeof parsed === 'object' &&
        (parsed.status === 'success' || parsed.status === 'error')
      ) {
        envelope = parsed;
      }
    } catch {
      envelope = undefined;
    }
    if (envelope?.status === 'error') {
      const errorType = String(envelope.errorType ?? 'unknown');
      throw new PrometheusApiError(
        `Prometheus answered ${status} ${errorType}: ${String(
          envelope.error ?? '',
        ).slice(0, 500)}`,
        { kind: ERROR_TYPES.has(errorType) ? errorType : 'http', status },
      );
    }
    if (status < 200 || status >= 300) {
      throw new PrometheusApiError(
        `Prometheus answered ${status} without an error envelope: ${text
          .slice(0, 200)
          .replace(/\s+/g, ' ')}`,
        { kind: 'http', status },
      );
    }
    if (!envelope) {
      throw new PrometheusApiError(
        `Prometheus answered ${status} with a body that is not its JSON envelope: ${text
          .slice(0, 200)
          .replace(/\s+/g, ' ')}`,
        { kind: 'invalid-response', status },
      );
    }
    return envelope;
  }
}
