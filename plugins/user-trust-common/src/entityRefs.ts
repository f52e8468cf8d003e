/**
 * Entity refs in their stored form.
 *
 * User Trust stores, keys and compares every entity ref (of a signal, an
 * SLO document, a field-role assignment, a health row) in one form: full
 * (`kind:namespace/name`) and lower-cased, e.g. `component:default/checkout-api`.
 * This module is the one place that turns refs as written, compound refs and
 * entities into that form, on top of `@backstage/catalog-model`'s
 * `parseEntityRef`.
 */

import { parseEntityRef } from '@backstage/catalog-model';

/** The namespace of refs that name none. @public */
export const DEFAULT_ENTITY_NAMESPACE = 'default';

/** The parts of an entity ref. @public */
export type EntityRefParts = {
  kind: string;
  namespace: string;
  name: string;
};

/**
 * What may be turned into a stored ref: a ref string, a compound ref
 * (namespace optional), or an entity (only its kind and metadata are read).
 *
 * @public
 */
export type EntityRefInput =
  | string
  | { kind: string; namespace?: string; name: string }
  | { kind: string; metadata: { name: string; namespace?: string } };

/**
 * Defaults for the parts a ref string leaves out. The namespace defaults to
 * `default`; without `defaultKind` a ref must name its kind.
 *
 * @public
 */
export type EntityRefDefaults = {
  defaultKind?: string;
  defaultNamespace?: string;
};

/**
 * The parts of a ref as written (case kept), with the defaults filled in:
 * `[<kind>:][<namespace>/]<name>`, parsed by the catalog model's
 * `parseEntityRef` (which throws when a part is empty, or the kind is
 * missing and has no default). Does not trim.
 *
 * @public
 */
export function parseEntityRefParts(
  ref: EntityRefInput,
  defaults?: EntityRefDefaults,
): EntityRefParts {
  if (!ref) throw new Error(`Entity reference must not be empty`);
  const context = {
    defaultKind: defaults?.defaultKind,
    defaultNamespace: defaults?.defaultNamespace || DEFAULT_ENTITY_NAMESPACE,
  };
  if (typeof ref !== 'string' && 'metadata' in ref) {
    return parseEntityRef(
      {
        kind: ref.kind,
        namespace: ref.metadata.namespace,
        name: ref.metadata.name,
      },
      context,
    );
  }
  return parseEntityRef(ref, context);
}

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * The lower-cased parts of a ref; see {@link parseEntityRefParts}.
 *
 * @public
 */
export function parseStoredEntityRef(
  ref: EntityRefInput,
  defaults?: EntityRefDefaults,
): EntityRefParts {
  const { kind, namespace, name } = parseEntityRefParts(ref, defaults);
  return { kind: lower(kind), namespace: lower(namespace), name: lower(name) };
}

/**
 * The stored form of a ref or entity: `kind:namespace/name`, lower-cased.
 * `checkout-api` with `defaultKind: 'component'` is
 * `component:default/checkout-api`. Throws for what is not a ref.
 *
 * @public
 */
export function toStoredEntityRef(
  ref: EntityRefInput,
  defaults?: EntityRefDefaults,
): string {
  const { kind, namespace, name } = parseStoredEntityRef(ref, defaults);
  return `${kind}:${namespace}/${name}`;
}

/**
 * {@link toStoredEntityRef} of a ref as typed by a person: trimmed first,
 * and undefined instead of an error for what is not a ref.
 *
 * @public
 */
export function tryStoredEntityRef(
  ref: string,
  defaults?: EntityRefDefaults,
): string | undefined {
  try {
    return toStoredEntityRef(ref.trim(), defaults);
  } catch {
    return undefined;
  }
}

/**
 * Whether two refs or entities name the same entity (refs compare
 * case-insensitively; omitted namespaces are `default`). Refs that do not
 * parse are equal to nothing.
 *
 * @public
 */
export function isSameEntityRef(
  a: EntityRefInput,
  b: EntityRefInput,
  defaults?: EntityRefDefaults,
): boolean {
  try {
    return toStoredEntityRef(a, defaults) === toStoredEntityRef(b, defaults);
  } catch {
    return false;
  }
}
