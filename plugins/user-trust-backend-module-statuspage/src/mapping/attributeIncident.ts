import { SignalInput } from '@user-trust/plugin-user-trust-common';
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
 * attributed with `attributeStatuspageSignal` and ingested.
 *
 * @public
 */
export type UnmappedComponentSignals = {
  component: UnmappedStatuspageComponent;
  signals: StatuspageUnattributedSignal[];
};

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
        signals: [built.signal],
      });
    }
  }
  if (components.length === 0) {
    const page = mapping.resolvePage(pageId);
    if (page) entityRefs.add(page.entityRef);
    else
      result.unmapped.push({ component: { pageId }, signals: [built.signal] });
  }
  result.signals = [...entityRefs]
    .sort()
    .map(entityRef => attributeStatuspageSignal(built.signal, entityRef));
  return result;
}
