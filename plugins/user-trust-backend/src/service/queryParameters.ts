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
    schema: { parameters?: ParameterOrRef[] };
  };
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
 * Checks the integer query parameters of every request that the OpenAPI
 * validator matched to an operation, on the text of the query string, and
 * leaves the checked numbers in `req.query` for the route.
 *
 * The validator alone is not enough: it coerces query strings with Ajv,
 * which turns `Infinity` and `1e309` into `Infinity`; with Ajv's
 * `strictNumbers` the coerced value is not type-checked again and
 * `minimum`/`maximum` only apply to finite numbers, so `limit=Infinity`
 * passed `maximum: 500` (and knex drops a non-finite LIMIT: an unbounded
 * query). Here an integer is decimal digits only (no `1e2`, `0x10`,
 * blanks), a safe integer, within the schema's `minimum` and `maximum`;
 * anything else is a 400 naming the parameter.
 *
 * Installed once on the router after the validator, so that every route
 * and every future integer parameter is covered.
 */
export function checkQueryParameters(spec: QueryParameterSpec): RequestHandler {
  const integersByOperation = new Map<string, Parameter[]>();

  function integersOf(req: MatchedRequest & { method: string }) {
    const key = `${req.method} ${req.openapi!.openApiRoute}`;
    let integers = integersByOperation.get(key);
    if (!integers) {
      integers = (req.openapi!.schema.parameters ?? [])
        .map(p => resolve(spec, p))
        .filter(p => p.in === 'query' && p.schema?.type === 'integer');
      integersByOperation.set(key, integers);
    }
    return integers;
  }

  return (req, _res, next) => {
    const matched = req as typeof req & MatchedRequest;
    if (!matched.openapi) {
      next();
      return;
    }
    const integers = integersOf(matched);
    if (integers.length > 0) {
      const search = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
      const query = req.query as Record<string, unknown>;
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
    }
    next();
  };
}
