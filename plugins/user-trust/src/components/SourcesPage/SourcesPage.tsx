import {
  Content,
  ContentHeader,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { userTrustApiRef } from '../../api';
import { useCanManageSources } from '../common/permissions';
import { UserTrustHeader } from '../common/UserTrustHeader';
import { NoConnectors } from './NoConnectors';
import { SourceCard } from './SourceCard';

/** How often the page asks again while it is open, so figures stay live. */
const REFRESH_MS = 15_000;

/**
 * The "Sources" tab of the User trust page: one card per installed
 * connector (PagerDuty, Statuspage, ...) with its state, last webhook and
 * sync, signals stored, a running backfill, the latest errors, and the
 * services seen without an entity. Those allowed `user-trust.source.manage`
 * can resync a connector and map its services to entities.
 *
 * @public
 */
export function SourcesPage(props: { title?: string; subtitle?: string }) {
  const {
    title = 'User trust',
    subtitle = 'Where the signals come from, and whether they still arrive',
  } = props;
  const api = useApi(userTrustApiRef);
  const { allowed: canManage } = useCanManageSources();
  const sources = useAsyncRetry(() => api.listSources(), [api]);
  const { retry } = sources;
  useInterval(retry, sources.error ? null : REFRESH_MS);

  let main;
  if (sources.error) {
    main = (
      <ResponseErrorPanel
        error={sources.error}
        title="Could not load the sources"
      />
    );
  } else if (!sources.value) {
    main = <Progress />;
  } else if (sources.value.items.length === 0) {
    main = <NoConnectors />;
  } else {
    main = (
      <Grid container spacing={3}>
        {sources.value.items.map(source => (
          <Grid item xs={12} key={source.id}>
            <SourceCard
              source={source}
              canManage={canManage}
              onChanged={retry}
            />
          </Grid>
        ))}
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <UserTrustHeader title={title} subtitle={subtitle} tab="sources" />
      <Content>
        <ContentHeader title="Sources">
          <Typography variant="body2" color="textSecondary">
            Updated every {REFRESH_MS / 1000} seconds
          </Typography>
        </ContentHeader>
        {main}
      </Content>
    </Page>
  );
}
