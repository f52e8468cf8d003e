import { SignalInput } from '@user-trust/plugin-user-trust-common';
import { UserTrustExternalService } from '@user-trust/plugin-user-trust-node';
import {
  attributeStatuspageSignal,
  buildStatuspageSignal,
  componentsOfIncident,
  StatuspageUnattributedSignal,
} from '../incidents/incidentSignals';
import { StatuspageIncident } from '../incidents/types';
import { ComponentEntityMapping } from './ComponentEntityMapping';

/**
 * A Statuspage component that maps to no entity yet: what the Sources page
 * shows and what a mapping is later made for. Without `componentId`, it
 * stands for the page's incidents that name no component (mapped by the
 * page's `entityRef` in config).
 *
 * @public
 */
export type UnmappedStatuspageComponent = {
  pageId: string;
  componentId?: string;
  componentName?: string;
};

/**
 * Signals kept for one unmapped component until it is mapped; then each is
 * attributed with `attributeStatuspageSignal` and ingested. With the
 * connector machinery, each goes to its `keepUnattributed` with
 * `statuspageExternalService(component)` as the service.
 *
 * @public
 */
export type UnmappedComponentSignals = {
  component: UnmappedStatuspageComponent;
  signals: StatuspageUnattributedSignal[];
};

/**
 * The kept copy of an incident's signal for one unmapped component. Its
 * `externalId`, `<incident id>:component:<component id>` (`:page` for an
 * incident naming no component), is unique per incident and component, so
 * a store of kept signals keyed by `externalId` keeps each component's
 * copy. `attributeStatuspageSignal` turns it into the entity's own signal
 * (`<incident id>:<entity ref>`); attributed as it is, it stays a valid,
 * stable signal of its own.
 */
function keptSignal(
  signal: StatuspageUnattributedSignal,
  componentId: string | undefined,
): StatuspageUnattributedSignal {
  return {
    ...signal,
    externalId: `${signal.externalId}:${
      componentId === undefined ? 'page' : `component:${componentId}`
    }`,
  };
}

const SERVICE_ID_SEPARATOR = '/';
const NO_COMPONENT = '*';

/**
 * An unmapped component as the connector machinery's external service:
 * id `<page id>/<component id>` (`<page id>/*` for incidents naming no
 * component).
 *
 * @public
 */
export function statuspageExternalService(
  component: UnmappedStatuspageComponent,
): UserTrustExternalService {
  return {
    id: `${component.pageId}${SERVICE_ID_SEPARATOR}${
      component.componentId ?? NO_COMPONENT
    }`,
    ...(component.componentName && { name: component.componentName }),
  };
}

/**
 * The page and component of an external service id made by
 * {@link statuspageExternalService}; undefined for any other id.
 *
 * @public
 */
export function parseStatuspageServiceId(
  serviceId: string,
): UnmappedStatuspageComponent | undefined {
  const at = serviceId.indexOf(SERVICE_ID_SEPARATOR);
  if (at <= 0 || at === serviceId.length - 1) return undefined;
  const pageId = serviceId.slice(0, at);
  const componentId = serviceId.slice(at + 1);
  return componentId === NO_COMPONENT ? { pageId } : { pageId, componentId };
}

/** What one incident means for the catalog. @public */
export type AttributedIncident = {
  incidentId: string;
  /** One signal per mapped entity. */
  signals: SignalInput[];
  /** Each unmapped component with the incident's signal. */
  unmapped: UnmappedComponentSignals[];
  /** Set for a maintenance that has not started: nothing to store yet. */
  upcomingAt?: string;
};

/**
 * Builds an incident's signal and attributes it to the entities of its
 * components: one signal per distinct entity however many of its
 * components map there, and the signal kept once per unmapped component.
 *
 * @public
 */
export function attributeIncident(
  pageId: string,
  incident: StatuspageIncident,
  mapping: Pick<ComponentEntityMapping, 'resolve' | 'resolvePage'>,
  now: Date,
): AttributedIncident {
  const built = buildStatuspageSignal(pageId, incident, now);
  const result: AttributedIncident = {
    incidentId: incident.id,
    signals: [],
    unmapped: [],
  };
  if (built.type === 'upcoming') {
    return { ...result, upcomingAt: built.startsAt };
  }

  const entityRefs = new Set<string>();
  const components = componentsOfIncident(incident);
  for (const component of components) {
    const matches = mapping.resolve(pageId, component.id);
    for (const match of matches) entityRefs.add(match.entityRef);
    if (matches.length === 0) {
      result.unmapped.push({
        component: {
          pageId,
          componentId: component.id,
          ...(component.name && { componentName: component.name }),
        },
        signals: [keptSignal(built.signal, component.id)],
      });
    }
  }
  if (components.length === 0) {
    const page = mapping.resolvePage(pageId);
    if (page) entityRefs.add(page.entityRef);
    else
      result.unmapped.push({
        component: { pageId },
        signals: [keptSignal(built.signal, undefined)],
      });
  }
  result.signals = [...entityRefs]
    .sort()
    .map(entityRef => attributeStatuspageSignal(built.signal, entityRef));
  return result;
}

/**
 * The entity kept signals of an external service (see
 * {@link statuspageExternalService}) go to once a mapping exists, for the
 * connector machinery's `resolveService`. A component mapped to several
 * entities resolves to the first in ref order: kept signals are attributed
 * to one entity only.
 *
 * @public
 */
export function resolveStatuspageService(
  mapping: Pick<ComponentEntityMapping, 'resolve' | 'resolvePage'>,
  serviceId: string,
): string | undefined {
  const component = parseStatuspageServiceId(serviceId);
  if (!component) return undefined;
  if (component.componentId === undefined) {
    return mapping.resolvePage(component.pageId)?.entityRef;
  }
  return mapping.resolve(component.pageId, component.componentId)[0]?.entityRef;
}
