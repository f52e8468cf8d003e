import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';

type ParameterSchema = {
  type?: string;
  minimum?: number;
  maximum?: number;
};
type Parameter = { name: string; in: string; schema?: ParameterSchema };
type ParameterOrRef = Parameter | { $ref: string };

/** What of the OpenAPI spec the check reads. */
export type QueryParameterSpec = {
  paths: { [path: string]: unknown };
  components?: { parameters?: { [name: string]: unknown } };
};

/** What the OpenAPI validator leaves on a request it matched to an operation. */
type MatchedRequest = {
  openapi?: {
    openApiRoute: string;
    schema: {
      parameters?: ParameterOrRef[];
      'x-eov-allow-unknown-query-parameters'?: boolean;
    };
  };
};

/** The query parameters of an operation: all names, and the integers. */
type QueryParameters = {
  names?: Set<string>;
  integers: Parameter[];
};

const DIGITS = /^-?\d+$/;

function resolve(spec: QueryParameterSpec, p: ParameterOrRef): Parameter {
  if (!('$ref' in p)) return p;
  const name = p.$ref.replace(/^#\/components\/parameters\//, '');
  const found = spec.components?.parameters?.[name] as
    | ParameterOrRef
    | undefined;
  if (!found || '$ref' in found) {
    throw new Error(`Unsupported parameter reference ${p.$ref}`);
  }
  return found;
}

function range({ minimum, maximum }: ParameterSchema): string {
  if (minimum !== undefined && maximum !== undefined) {
    return ` from ${minimum} to ${maximum}`;
  }
  if (minimum !== undefined) return ` of at least ${minimum}`;
  if (maximum !== undefined) return ` of at most ${maximum}`;
  return '';
}

/**
 * Checks the query string of every request that the OpenAPI validator
 * matched to an operation, on the text of the query string, and leaves the
 * checked integers in `req.query` for the route:
 *
 * - Every parameter must be one the operation declares. The validator
 *   checks the keys of `req.query`, which Express's query parser (qs)
 *   fills without `__proto__` (its guard against prototype pollution), so
 *   `?__proto__=x` was dropped silently where any other unknown parameter
 *   is a 400.
 * - An integer is decimal digits only (no `1e2`, `0x10`, blanks), a safe
 *   integer, within the schema's `minimum` and `maximum`; anything else is a
 *   400 naming the parameter. The validator coerces query strings with Ajv,
 *   which turns `Infinity` and `1e309` into `Infinity`; with Ajv's
 *   `strictNumbers` the coerced value is not type-checked again and
 *   `minimum`/`maximum` only apply to finite numbers, so `limit=Infinity`
 *   passed `maximum: 500` (and knex drops a non-finite LIMIT: an unbounded
 *   query).
 *
 * Installed once on the router after the validator, so that every route
 * and every future parameter is covered.
 */
export function checkQueryParameters(spec: QueryParameterSpec): RequestHandler {
  const byOperation = new Map<string, QueryParameters>();

  function parametersOf(
    req: MatchedRequest & { method: string },
  ): QueryParameters {
    const { openApiRoute, schema } = req.openapi!;
    const key = `${req.method} ${openApiRoute}`;
    let parameters = byOperation.get(key);
    if (!parameters) {
      const query = (schema.parameters ?? [])
        .map(p => resolve(spec, p))
        .filter(p => p.in === 'query');
      parameters = {
        names: schema['x-eov-allow-unknown-query-parameters']
          ? undefined
          : new Set(query.map(p => p.name)),
        integers: query.filter(p => p.schema?.type === 'integer'),
      };
      byOperation.set(key, parameters);
    }
    return parameters;
  }

  return (req, _res, next) => {
    const matched = req as typeof req & MatchedRequest;
    if (!matched.openapi) {
      next();
      return;
    }
    const { names, integers } = parametersOf(matched);
    const search = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    if (names) {
      for (const key of search.keys()) {
        // `kind[]=a` and `kind[0]=a` are forms of `kind`.
        if (!names.has(key.replace(/\[.*$/, ''))) {
          throw new InputError(`Unknown query parameter '${key}'`);
        }
      }
    }
    const query: Record<string, unknown> = req.query;
    for (const { name, schema = {} } of integers) {
      const texts = search.getAll(name);
      if (texts.length === 0) continue;
      const value = Number(texts[0]);
      if (
        texts.length > 1 ||
        !DIGITS.test(texts[0]) ||
        !Number.isSafeInteger(value) ||
        (schema.minimum !== undefined && value < schema.minimum) ||
        (schema.maximum !== undefined && value > schema.maximum)
      ) {
        throw new InputError(
          `request/query/${name} must be an integer${range(
            schema,
          )}, in decimal digits`,
        );
      }
      query[name] = value;
    }
    next();
  };
}
