import { HeaderTabs } from '@backstage/core-components';
import { useNavigate } from 'react-router-dom';
import { healthRouteRef, sourcesRouteRef } from '../../routes';
import { useOptionalRoutePath } from './useOptionalRouteRef';

/** The pages shown as tabs of the User trust page. */
export type UserTrustTab = 'health' | 'sources';

/**
 * The tabs under the User trust page's header: "Health" (the catalog-wide
 * health page) and "Sources" (the connectors). Each tab is a page of its
 * own route, so links and the browser's back button work; the tabs are left
 * out when the app has not mounted both pages.
 */
export function UserTrustTabs(props: { selected: UserTrustTab }) {
  const { selected } = props;
  const navigate = useNavigate();
  const healthPath = useOptionalRoutePath(healthRouteRef);
  const sourcesPath = useOptionalRoutePath(sourcesRouteRef);
  if (!healthPath || !sourcesPath) return null;
  const tabs = [
    { id: 'health' as const, label: 'Health', path: healthPath },
    { id: 'sources' as const, label: 'Sources', path: sourcesPath },
  ];
  return (
    <HeaderTabs
      tabs={tabs.map(({ id, label }) => ({ id, label }))}
      selectedIndex={tabs.findIndex(tab => tab.id === selected)}
      onChange={index => {
        const tab = tabs[index];
        if (tab && tab.id !== selected) navigate(tab.path);
      }}
    />
  );
}
