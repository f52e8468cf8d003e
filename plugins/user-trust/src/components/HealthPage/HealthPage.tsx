import {
  Content,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import { SloStatus } from '@user-trust/plugin-user-trust-common';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { userTrustApiRef } from '../../api';
import { UserTrustHeader } from '../common/UserTrustHeader';
import { BurningFastestCard } from './BurningFastestCard';
import { ExportCsvButton } from './ExportCsvButton';
import { HealthAsOf } from './HealthAsOf';
import { HealthFilterBar, MY_SERVICES_HOLDER } from './HealthFilterBar';
import { filterKey, hasFilters } from './healthQuery';
import { RollupTable } from './RollupTable';
import { ServicesTable } from './ServicesTable';
import { StatusDistribution } from './StatusDistribution';
import { useHealthQuery } from './useHealthQuery';
import { ViewSwitch } from './ViewSwitch';

const useStyles = makeStyles(theme => ({
  caption: {
    marginTop: theme.spacing(2),
  },
}));

/**
 * Catalog-wide reliability health: how many services are breached or at
 * risk, which burn their error budget fastest, and every service (or team,
 * system, domain) with its score, budget, burn rate, signals and field-role
 * coverage. Filters, sort, view and page live in the URL, so any view can
 * be shared as a link.
 *
 * @public
 */
export function HealthPage(props: { title?: string; subtitle?: string }) {
  const {
    title = 'User trust',
    subtitle = 'Reliability health across the catalog',
  } = props;
  const classes = useStyles();
  const api = useApi(userTrustApiRef);
  const { query, update, setFilter } = useHealthQuery();
  const { filter, sort, order, view, page, pageSize } = query;
  const key = filterKey(filter);

  const list = useAsync(
    () =>
      api.getHealth({
        ...filter,
        sort,
        order,
        limit: pageSize,
        offset: page * pageSize,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, sort, order, page, pageSize],
  );
  const rollups = useAsync(
    async () =>
      view === 'services' ? undefined : api.getHealthRollups(view, filter),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, view],
  );

  // A shared link may point past the last page once fewer rows match.
  const total = list.value?.totalCount ?? 0;
  const pastTheEnd =
    !list.loading && list.value?.items.length === 0 && total > 0 && page > 0;
  useEffect(() => {
    if (pastTheEnd) update({ page: Math.ceil(total / pageSize) - 1 });
  }, [pastTheEnd, total, pageSize, update]);

  const toggleStatus = (status: SloStatus) => {
    const current = filter.status ?? [];
    setFilter({
      status: current.includes(status)
        ? current.filter(s => s !== status)
        : [...current, status],
    });
  };
  const clearFilters = () => update({ filter: {}, page: 0 });

  let main;
  if (view !== 'services') {
    if (rollups.error) {
      main = (
        <ResponseErrorPanel
          error={rollups.error}
          title="Could not load the rollups"
        />
      );
    } else if (rollups.value?.by === view) {
      // useAsync keeps the previous view's rollups while the next loads.
      main = (
        <RollupTable
          by={view}
          items={rollups.value.items}
          loading={rollups.loading}
          onSelect={ref =>
            setFilter(
              { [view === 'group' ? 'owner' : view]: [ref] },
              { view: 'services' },
            )
          }
        />
      );
    } else {
      main = <Progress />;
    }
  } else if (list.error) {
    main = (
      <ResponseErrorPanel
        error={list.error}
        title="Could not load the health list"
      />
    );
  } else if (list.value) {
    main = (
      <ServicesTable
        response={list.value}
        loading={list.loading}
        sort={sort}
        order={order}
        page={page}
        pageSize={pageSize}
        onSortChange={(nextSort, nextOrder) =>
          update({ sort: nextSort, order: nextOrder, page: 0 })
        }
        onPageChange={(nextPage, nextPageSize) =>
          update({ page: nextPage, pageSize: nextPageSize })
        }
        filtered={hasFilters(filter)}
        mine={filter.holder?.includes(MY_SERVICES_HOLDER)}
        onClearFilters={clearFilters}
      />
    );
  } else {
    main = <Progress />;
  }

  return (
    <Page themeId="tool">
      <UserTrustHeader title={title} subtitle={subtitle} tab="health" />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={7}>
            <InfoCard title="Status" variant="fullHeight">
              {list.value && (
                <>
                  <StatusDistribution
                    counts={list.value.statusCounts}
                    selected={filter.status ?? []}
                    onToggle={toggleStatus}
                  />
                  <Box className={classes.caption}>
                    <HealthAsOf
                      oldestEvaluatedAt={list.value.oldestEvaluatedAt}
                    />
                  </Box>
                </>
              )}
              {!list.value && list.loading && <Progress />}
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={5}>
            <BurningFastestCard filter={filter} />
          </Grid>
          <Grid item xs={12}>
            <HealthFilterBar
              filter={filter}
              facets={list.value?.facets}
              onChange={setFilter}
              onClear={clearFilters}
              actions={
                <ExportCsvButton filter={filter} sort={sort} order={order} />
              }
            />
            <ViewSwitch
              value={view}
              onChange={next => update({ view: next })}
            />
          </Grid>
          <Grid item xs={12}>
            {main}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
