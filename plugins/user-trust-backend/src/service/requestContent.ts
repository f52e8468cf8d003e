import { InputError } from '@backstage/errors';
import { Request, RequestHandler } from 'express';

/** Deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 64;

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain NUL characters (\\u0000)';

/** What the OpenAPI validator leaves on a request it matched to an operation. */
type MatchedRequest = Request & {
  openapi?: { openApiRoute: string; pathParams: Record<string, string> };
};

/**
 * Bodies whose NUL characters another check reports, naming more than a
 * JSON path: the signal batch (validateSignals, item and field) and CSV
 * imports (parseImportCsv, row and column).
 */
function nulCheckedElsewhere(req: MatchedRequest): boolean {
  return (
    (req.method === 'POST' && req.openapi?.openApiRoute === '/signals') ||
    req.is('text/csv') === 'text/csv'
  );
}

/** A JSON path as the OpenAPI validator writes it, NUL shown escaped. */
function pathOf(segments: string[]): string {
  return ['request/body', ...segments].join('/').split(NUL).join('\\u0000');
}

/**
 * The first problem of a parsed JSON body, walked without recursion (a
 * recursive walk, like JSON.stringify, overflows the stack on deep input).
 */
function jsonProblem(body: unknown, checkNul: boolean): string | undefined {
  type Node = { value: unknown; key?: string; parent?: Node; depth: number };
  const segments = (node: Node) => {
    const keys: string[] = [];
    for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) {
      keys.unshift(n.key);
    }
    return keys;
  };
  const stack: Node[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (checkNul && value.includes(NUL)) {
        return `${pathOf(segments(node))} ${NUL_MESSAGE}`;
      }
    } else if (value !== null && typeof value === 'object') {
      if (node.depth === MAX_JSON_DEPTH) {
        return `request/body is nested deeper than ${MAX_JSON_DEPTH} levels`;
      }
      for (const [key, child] of Object.entries(value)) {
        if (checkNul && key.includes(NUL)) {
          return `${pathOf([
            ...segments(node),
            key,
          ])}: property names ${NUL_MESSAGE}`;
        }
        stack.push({ value: child, key, parent: node, depth: node.depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Rejects, for every route and naming where, what the handlers and the
 * database cannot take:
 *
 * - NUL characters in path and query parameters and in bodies (strings and
 *   property names of JSON, text): PostgreSQL cannot store them in text
 *   columns, and answered a 500 ("invalid byte sequence").
 * - JSON bodies nested deeper than {@link MAX_JSON_DEPTH}: re-serialising
 *   or parsing them recursively threw a RangeError (a 500).
 *
 * Installed once on the router after the OpenAPI validator, which names
 * the path parameters in `req.params`.
 */
export function checkRequestContent(): RequestHandler {
  return (req: MatchedRequest, _res, next) => {
    // Express gives each router layer its own req.params: the decoded
    // path parameters are those the validator matched.
    const params = req.openapi?.pathParams ?? {};
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string' && value.includes(NUL)) {
        throw new InputError(`request/params/${name} ${NUL_MESSAGE}`);
      }
    }
    const search = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    for (const [name, value] of search) {
      if (name.includes(NUL) || value.includes(NUL)) {
        throw new InputError(
          `request/query/${name.split(NUL).join('\\u0000')} ${NUL_MESSAGE}`,
        );
      }
    }
    const checkNul = !nulCheckedElsewhere(req);
    if (typeof req.body === 'string') {
      const at = req.body.indexOf(NUL);
      if (checkNul && at >= 0) {
        const line = req.body.slice(0, at).split(/\r\n|\r|\n/).length;
        throw new InputError(`request/body ${NUL_MESSAGE}: line ${line}`);
      }
    } else if (req.body !== undefined) {
      const problem = jsonProblem(req.body, checkNul);
      if (problem) throw new InputError(problem);
    }
    next();
  };
}
