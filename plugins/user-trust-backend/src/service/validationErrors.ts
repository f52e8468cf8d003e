import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import { InputError, isError } from '@backstage/errors';
import { ErrorRequestHandler, Request } from 'express';

/** What of the OpenAPI spec the error mapping reads. */
export type BodySchemaSpec = {
  paths: { [path: string]: unknown };
  components?: unknown;
};

type Operation = {
  requestBody?: { content?: { [mediaType: string]: { schema?: object } } };
};

type MatchedRequest = Request & { openapi?: { openApiRoute: string } };

/** The validator's message for a property its schema does not list. */
const ADDITIONAL = /(request\/body\S*) must NOT have additional properties/g;

/**
 * Names the unknown property in the OpenAPI validator's 400 for a request
 * body: `request/body/signals/2 must NOT have additional properties` becomes
 * `request/body/signals/2 must NOT have additional properties: 'foo'`.
 *
 * The validator (express-openapi-validator, under Backstage's
 * createValidatedOpenApiRouter) knows the property, but Backstage turns its
 * error into `new InputError(error.message)` and Ajv's message leaves the
 * property out. So, for such an error only, the body is checked once more
 * against the operation's schema to find the property.
 *
 * An error handler: install it once, after every route of the router.
 */
export function nameUnknownProperties(
  spec: BodySchemaSpec,
): ErrorRequestHandler {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: false,
  });
  const validators = new Map<string, ValidateFunction | undefined>();

  function validatorOf(req: MatchedRequest): ValidateFunction | undefined {
    const route = req.openapi?.openApiRoute;
    if (!route) return undefined;
    const operation = (
      spec.paths[route] as { [method: string]: Operation } | undefined
    )?.[req.method.toLowerCase()];
    const content = operation?.requestBody?.content ?? {};
    const mediaType = Object.keys(content).find(type => req.is(type));
    if (!mediaType) return undefined;
    const key = `${req.method} ${route} ${mediaType}`;
    if (!validators.has(key)) {
      const schema = content[mediaType].schema;
      let validate: ValidateFunction | undefined;
      try {
        // References (#/components/...) resolve against the copied components.
        validate =
          schema && ajv.compile({ ...schema, components: spec.components });
      } catch {
        validate = undefined; // the validator's message, unchanged
      }
      validators.set(key, validate);
    }
    return validators.get(key);
  }

  return (error, req, _res, next) => {
    if (
      !isError(error) ||
      error.name !== 'InputError' ||
      !error.message.match(ADDITIONAL)
    ) {
      next(error);
      return;
    }
    const validate = validatorOf(req);
    if (!validate || validate(req.body)) {
      next(error);
      return;
    }
    const unknown = new Map<string, string[]>();
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'additionalProperties') {
        const path = `request/body${e.instancePath}`;
        const property = String(e.params.additionalProperty);
        unknown.set(path, [...(unknown.get(path) ?? []), property]);
      }
    }
    next(
      new InputError(
        error.message.replace(ADDITIONAL, (message, path: string) => {
          const properties = unknown.get(path);
          return properties
            ? `${message}: ${properties.map(p => `'${p}'`).join(', ')}`
            : message;
        }),
      ),
    );
  };
}
