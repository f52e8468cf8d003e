import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { healthRouteRef } from '../../routes';
import { BurningFastestList } from '../common/BurningFastestList';
import { useBurningFastest } from '../common/useBurningFastest';
import { useOptionalRoutePath } from '../common/useOptionalRouteRef';

/**
 * Home page card content: the five services burning error budget fastest
 * across the catalog, with their status.
 */
export function HealthHomeCardContent() {
  const { items, loading, error } = useBurningFastest();
  if (error) {
    return (
      <ResponseErrorPanel
        error={error}
        title="Could not load the fastest burners"
      />
    );
  }
  if (loading || !items) return <Progress />;
  return <BurningFastestList items={items} />;
}

/** "View all": the health page, when the app has it. */
export function HealthHomeCardActions() {
  const path = useOptionalRoutePath(healthRouteRef);
  if (!path) return <></>;
  return <Link to={path}>View all</Link>;
}
