import { Entity } from '@backstage/catalog-model';
import { toStoredEntityRef } from '@user-trust/plugin-user-trust-common';

/**
 * Catalog annotations that tie an entity to Statuspage components.
 *
 * - `statuspage.io/component-id`: one component id, or several separated
 *   by commas (an entity shown as several components).
 * - `statuspage.io/page-id`: the page of those components, when several
 *   pages are configured and the entity should match on one only.
 *
 * @public
 */
export const STATUSPAGE_ANNOTATIONS = {
  componentId: 'statuspage.io/component-id',
  pageId: 'statuspage.io/page-id',
} as const;

/** How a component was mapped to an entity. @public */
export type ComponentMappingSource = 'config' | 'annotation';

/** @public */
export type ComponentEntityMatch = {
  entityRef: string;
  via: ComponentMappingSource;
};

/** Mappings of one configured page. @public */
export type ConfiguredComponentMapping = {
  pageId: string;
  /** Component id to entity ref (short refs are Components). */
  components: Record<string, string>;
  /** Entity of the page's incidents that name no component at all. */
  entityRef?: string;
};

const ANY_PAGE = '*';

function annotatedComponents(
  entity: Entity,
): { pageId: string; componentIds: string[] } | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const componentIds = (annotations[STATUSPAGE_ANNOTATIONS.componentId] ?? '')
    .split(',')
    .map(id => id.trim())
    .filter(Boolean);
  if (componentIds.length === 0) return undefined;
  const pageId = annotations[STATUSPAGE_ANNOTATIONS.pageId]?.trim() || ANY_PAGE;
  return { pageId, componentIds };
}

function refOf(entity: Entity): string | undefined {
  try {
    return toStoredEntityRef(entity);
  } catch {
    return undefined;
  }
}

/**
 * Maps Statuspage components (page + component id) to catalog entities.
 *
 * A component in config maps to its configured entity only. Otherwise it
 * maps to every entity annotated with it (a status page component is often
 * coarser than a service: "Checkout" may be both `checkout-api` and
 * `checkout-web`); annotations naming the page and those naming none
 * both count.
 *
 * @public
 */
export class ComponentEntityMapping {
  private constructor(
    private readonly configured: Map<string, Map<string, string>>,
    private readonly pageEntities: Map<string, string>,
    private readonly annotated: Map<string, Map<string, Set<string>>>,
  ) {}

  /**
   * Builds the mapping from config and catalog entities (only kind, name,
   * namespace and annotations are read). Throws when a configured entity
   * ref is not a ref.
   */
  static create(options: {
    configured?: ConfiguredComponentMapping[];
    entities?: Entity[];
  }): ComponentEntityMapping {
    const configured = new Map<string, Map<string, string>>();
    const pageEntities = new Map<string, string>();
    for (const page of options.configured ?? []) {
      const components = new Map<string, string>();
      for (const [componentId, ref] of Object.entries(page.components)) {
        components.set(
          componentId,
          toStoredEntityRef(ref, { defaultKind: 'component' }),
        );
      }
      configured.set(page.pageId, components);
      if (page.entityRef) {
        pageEntities.set(
          page.pageId,
          toStoredEntityRef(page.entityRef, { defaultKind: 'component' }),
        );
      }
    }

    const annotated = new Map<string, Map<string, Set<string>>>();
    for (const entity of options.entities ?? []) {
      const claim = annotatedComponents(entity);
      const entityRef = claim && refOf(entity);
      if (!claim || !entityRef) continue;
      const byComponent = annotated.get(claim.pageId) ?? new Map();
      annotated.set(claim.pageId, byComponent);
      for (const componentId of claim.componentIds) {
        const refs = byComponent.get(componentId) ?? new Set<string>();
        byComponent.set(componentId, refs.add(entityRef));
      }
    }
    return new ComponentEntityMapping(configured, pageEntities, annotated);
  }

  /** The entities a component maps to, in ref order; empty when none. */
  resolve(pageId: string, componentId: string): ComponentEntityMatch[] {
    const configured = this.configured.get(pageId)?.get(componentId);
    if (configured) return [{ entityRef: configured, via: 'config' }];
    const refs = new Set([
      ...(this.annotated.get(pageId)?.get(componentId) ?? []),
      ...(this.annotated.get(ANY_PAGE)?.get(componentId) ?? []),
    ]);
    return [...refs]
      .sort()
      .map(entityRef => ({ entityRef, via: 'annotation' as const }));
  }

  /** The entity of a page's incidents that name no component, if configured. */
  resolvePage(pageId: string): ComponentEntityMatch | undefined {
    const entityRef = this.pageEntities.get(pageId);
    return entityRef ? { entityRef, via: 'config' } : undefined;
  }
}
