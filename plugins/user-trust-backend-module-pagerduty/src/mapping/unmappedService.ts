import { PagerDutyIncident } from '../incidents/types';

/**
 * A PagerDuty service that maps to no entity yet: what the Sources page
 * shows (name, link) and what a mapping is later made for (account, id).
 *
 * @public
 */
export type UnmappedPagerDutyService = {
  accountId: string;
  serviceId: string;
  serviceName?: string;
  serviceUrl?: string;
};

/** The service of an incident, as an unmapped service. */
export function unmappedServiceOf(
  accountId: string,
  incident: PagerDutyIncident,
): UnmappedPagerDutyService {
  const { service } = incident;
  return {
    accountId,
    serviceId: service.id,
    ...(service.summary && { serviceName: service.summary }),
    ...(service.html_url && { serviceUrl: service.html_url }),
  };
}
