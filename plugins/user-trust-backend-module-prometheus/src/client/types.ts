/**
 * Shapes of the Prometheus HTTP API (`/api/v1`), as documented at
 * https://prometheus.io/docs/prometheus/latest/querying/api/ .
 */

/** A sample: Unix time in seconds (may be fractional) and the value as a string. @public */
export type PrometheusSamplePair = [number, string];

/** One series of a `matrix` result. @public */
export type PrometheusMatrixSeries = {
  metric: Record<string, string>;
  values: PrometheusSamplePair[];
};

/** One series of a `vector` result. @public */
export type PrometheusVectorSample = {
  metric: Record<string, string>;
  value: PrometheusSamplePair;
};

/** The `data` of a query answer. @public */
export type PrometheusQueryData =
  | { resultType: 'matrix'; result: PrometheusMatrixSeries[] }
  | { resultType: 'vector'; result: PrometheusVectorSample[] }
  | { resultType: 'scalar'; result: PrometheusSamplePair }
  | { resultType: 'string'; result: [number, string] };

/** The JSON envelope of every answer. @public */
export type PrometheusEnvelope = {
  status: 'success' | 'error';
  data?: PrometheusQueryData;
  errorType?: string;
  error?: string;
  warnings?: string[];
  infos?: string[];
};
