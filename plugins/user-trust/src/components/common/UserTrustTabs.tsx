import { HeaderTabs } from '@backstage/core-components';
import { useNavigate } from 'react-router-dom';
import { healthRouteRef, importRouteRef, sourcesRouteRef } from '../../routes';
import { useOptionalRoutePath } from './useOptionalRouteRef';

/** The pages shown as tabs of the User trust page. */
export type UserTrustTab = 'health' | 'sources' | 'import';

/**
 * The tabs under the User trust page's header: "Health" (the catalog-wide
 * health page), "Sources" (the connectors) and "Import" (file uploads).
 * Each tab is a page of its own route, so links and the browser's back
 * button work; a page the app has not mounted has no tab, and the tabs are
 * left out when fewer than two remain.
 */
export function UserTrustTabs(props: { selected: UserTrustTab }) {
  const { selected } = props;
  const navigate = useNavigate();
  const healthPath = useOptionalRoutePath(healthRouteRef);
  const sourcesPath = useOptionalRoutePath(sourcesRouteRef);
  const importPath = useOptionalRoutePath(importRouteRef);
  const tabs = [
    { id: 'health' as const, label: 'Health', path: healthPath },
    { id: 'sources' as const, label: 'Sources', path: sourcesPath },
    { id: 'import' as const, label: 'Import', path: importPath },
  ].filter(
    (tab): tab is { id: UserTrustTab; label: string; path: string } =>
      tab.path !== undefined,
  );
  if (tabs.length < 2 || !tabs.some(tab => tab.id === selected)) return null;
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
