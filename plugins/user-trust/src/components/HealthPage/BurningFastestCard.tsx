import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { HealthFilter } from '@user-trust/plugin-user-trust-common';
import { BurningFastestList } from '../common/BurningFastestList';
import { useBurningFastest } from '../common/useBurningFastest';

/** The services of the current filters burning error budget fastest. */
export function BurningFastestCard(props: { filter: HealthFilter }) {
  const { items, loading, error } = useBurningFastest(props.filter);
  let content;
  if (error) {
    content = (
      <ResponseErrorPanel
        error={error}
        title="Could not load the fastest burners"
      />
    );
  } else if (!items) {
    content = loading ? <Progress /> : null;
  } else {
    content = (
      <BurningFastestList
        items={items}
        emptyText="No service matching these filters is burning error budget."
      />
    );
  }
  return (
    <InfoCard title="Burning fastest" variant="fullHeight">
      {content}
    </InfoCard>
  );
}
