import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';

/** The catalog fields needed to show a holder (user or group). */
export const HOLDER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile',
];

/** What the UI shows of a user or group. */
export type HolderInfo = {
  ref: string;
  kind: string;
  displayName: string;
  email?: string;
  picture?: string;
  /** False when the ref names no entity of the catalog. */
  inCatalog: boolean;
};

/** The display data of a holder ref, from its catalog entity when known. */
export function holderInfo(ref: string, entity?: Entity): HolderInfo {
  let kind = 'user';
  let name = ref;
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    kind = parsed.kind.toLocaleLowerCase('en-US');
    name =
      parsed.namespace === 'default'
        ? parsed.name
        : `${parsed.namespace}/${parsed.name}`;
  } catch {
    // Show a malformed ref as it is.
  }
  const profile = (entity?.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
    picture?: string;
  };
  return {
    ref,
    kind,
    displayName: profile.displayName || entity?.metadata.title || name,
    email: profile.email || undefined,
    picture: profile.picture || undefined,
    inCatalog: Boolean(entity),
  };
}

/**
 * Loads the users and groups behind holder refs from the catalog in one
 * request; refs the catalog does not know (or a failing catalog) still get
 * a name from the ref.
 */
export async function loadHolderInfos(
  catalogApi: typeof catalogApiRef.T,
  refs: string[],
): Promise<(ref: string) => HolderInfo> {
  const unique = Array.from(
    new Set(refs.map(r => r.toLocaleLowerCase('en-US'))),
  );
  const byRef = new Map<string, Entity>();
  if (unique.length > 0) {
    try {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: unique,
        fields: HOLDER_FIELDS,
      });
      items.forEach((entity, i) => {
        if (entity) byRef.set(unique[i], entity);
      });
    } catch {
      // Names from the refs are better than no list at all.
    }
  }
  return (ref: string) =>
    holderInfo(ref, byRef.get(ref.toLocaleLowerCase('en-US')));
}
