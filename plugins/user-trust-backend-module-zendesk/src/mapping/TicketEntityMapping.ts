import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ZendeskTicket } from '../client/types';

/** The catalog annotation listing the Zendesk tags of an entity. @public */
export const ZENDESK_TAGS_ANNOTATION = 'zendesk.com/tags';

/** How tickets name their entity (`userTrust.zendesk.mapping`). @public */
export type ZendeskMappingConfig = {
  /** Id of a custom ticket field whose value names the entity. */
  fieldId?: string;
  /** Prefix of the tag that names the entity, e.g. `service_`. */
  tagPrefix?: string;
  /** Service id (field value or tag) → entity ref; wins over the catalog. */
  services: Record<string, string>;
};

/** What the mapping reads of the catalog. @public */
export type ZendeskCatalogIndex = {
  /** Full refs of the entities signals may be keyed to (not Users or Groups). */
  entities: Set<string>;
  /** Tag (lower-cased) → entity ref, from `zendesk.com/tags` annotations. */
  tags: Map<string, string>;
  /** Lower-cased email → User ref. */
  usersByEmail: Map<string, string>;
};

/**
 * Reads a catalog index from entities: the `zendesk.com/tags` annotation
 * (tags separated by commas or spaces) and Users' `spec.profile.email`.
 * A tag listed by two entities goes to the first.
 *
 * @public
 */
export function zendeskCatalogIndex(entities: Entity[]): ZendeskCatalogIndex {
  const index: ZendeskCatalogIndex = {
    entities: new Set(),
    tags: new Map(),
    usersByEmail: new Map(),
  };
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const kind = entity.kind.toLocaleLowerCase('en-US');
    if (kind === 'user') {
      const email = (entity.spec as any)?.profile?.email;
      if (typeof email === 'string' && email) {
        index.usersByEmail.set(email.toLowerCase(), ref);
      }
      continue;
    }
    if (kind === 'group') continue;
    index.entities.add(ref);
    const tags = entity.metadata.annotations?.[ZENDESK_TAGS_ANNOTATION];
    for (const tag of tags?.split(/[\s,]+/) ?? []) {
      const normalized = tag.trim().toLowerCase();
      if (normalized && !index.tags.has(normalized)) {
        index.tags.set(normalized, ref);
      }
    }
  }
  return index;
}

/** An entity ref from a name or ref; short names are Components of `default`. */
function fullRef(value: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'component',
        defaultNamespace: DEFAULT_NAMESPACE,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * The service a ticket names, in this order: the value of the configured
 * custom field, the first tag with the configured prefix, the first tag
 * some entity's `zendesk.com/tags` annotation lists. Undefined when it
 * names none (the ticket then belongs to no service).
 *
 * @public
 */
export function ticketServiceId(
  ticket: Pick<ZendeskTicket, 'custom_fields' | 'tags'>,
  mapping: ZendeskMappingConfig,
  index?: ZendeskCatalogIndex,
): string | undefined {
  if (mapping.fieldId !== undefined) {
    const field = ticket.custom_fields?.find(
      f => String(f.id) === mapping.fieldId,
    );
    const value = field?.value;
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number') return String(value);
  }
  const tags = (ticket.tags ?? []).map(t => t.toLowerCase());
  if (mapping.tagPrefix) {
    const prefix = mapping.tagPrefix.toLowerCase();
    const tag = tags.find(
      t => t.startsWith(prefix) && t.length > prefix.length,
    );
    if (tag) return tag;
  }
  return tags.find(t => index?.tags.has(t));
}

/**
 * The entity of a service id, in this order: `mapping.services`, an
 * entity annotated with it as a tag, then the name it carries (the field
 * value, or the tag without its prefix: `service_checkout-api` →
 * `component:default/checkout-api`) if that entity exists. Undefined
 * while none exists in the catalog.
 *
 * @public
 */
export function resolveZendeskService(
  serviceId: string,
  mapping: ZendeskMappingConfig,
  index: ZendeskCatalogIndex,
): string | undefined {
  const configured = mapping.services[serviceId];
  if (configured) return fullRef(configured);
  const lower = serviceId.toLowerCase();
  const annotated = index.tags.get(lower);
  if (annotated) return annotated;
  const prefix = mapping.tagPrefix?.toLowerCase();
  const name =
    prefix && lower.startsWith(prefix)
      ? serviceId.slice(prefix.length)
      : serviceId;
  const ref = fullRef(name);
  return ref && index.entities.has(ref) ? ref : undefined;
}
