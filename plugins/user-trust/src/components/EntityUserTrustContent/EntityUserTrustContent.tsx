import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EntityAlertsResponse,
  EntityTrustEvaluation,
  SLO_STATUS_ORDER,
  SloEvaluation,
  UserTrustSlo,
} from '@user-trust/plugin-user-trust-common';
import useAsync from 'react-use/esm/useAsync';
import { userTrustApiRef } from '../../api';
import { SLO_STATUS_LABELS } from '../common/format';
import { TrustScore } from '../common/TrustScore';
import { formatRelativeTime } from '../EntityUserTrustCard/formatRelativeTime';
import { DissonancePanel } from './DissonancePanel';
import { SignalsTable } from './SignalsTable';
import { SloPanel } from './SloPanel';
import { AlertTimeline } from './AlertTimeline';

const useStyles = makeStyles(theme => ({
  sectionTitle: {
    marginBottom: theme.spacing(1),
  },
  counts: {
    marginTop: theme.spacing(1),
  },
}));

/** "4 SLOs: 1 breached, 1 at risk, 2 healthy". */
function describeSloCounts(slos: SloEvaluation[]): string {
  const counts = SLO_STATUS_ORDER.map(status => ({
    status,
    count: slos.filter(s => s.status === status).length,
  })).filter(c => c.count > 0);
  const total = `${slos.length} ${slos.length === 1 ? 'SLO' : 'SLOs'}`;
  return counts.length === 0
    ? total
    : `${total}: ${counts
        .map(c => `${c.count} ${SLO_STATUS_LABELS[c.status]}`)
        .join(', ')}`;
}

function ScoreCard({ trust }: { trust: EntityTrustEvaluation }) {
  const classes = useStyles();
  const evaluatedAt = new Date(trust.evaluatedAt);
  return (
    <InfoCard
      title="Trust score"
      subheader="Weighted over the entity's SLOs"
      variant="gridItem"
    >
      <TrustScore trust={trust} size="large" label={false} />
      {trust.slos.length > 0 && (
        <Typography variant="body2" className={classes.counts}>
          {describeSloCounts(trust.slos)}
        </Typography>
      )}
      {!Number.isNaN(evaluatedAt.getTime()) && (
        <Typography variant="caption" color="textSecondary" component="p">
          Evaluated{' '}
          <time
            dateTime={trust.evaluatedAt}
            title={evaluatedAt.toLocaleString()}
          >
            {formatRelativeTime(evaluatedAt, new Date())}
          </time>
        </Typography>
      )}
    </InfoCard>
  );
}

function SloPanels(props: {
  slos: SloEvaluation[];
  definitions: Map<string, UserTrustSlo>;
  alerts?: EntityAlertsResponse;
}) {
  const { slos, definitions, alerts } = props;
  const classes = useStyles();
  if (slos.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No user-trust SLOs"
        description="No user-trust SLO applies to this entity: define one in an OpenSLO document referenced from the entity, or as a default in app-config."
      />
    );
  }
  // Open the SLOs that need attention; the first one when all are fine.
  const attention = slos.filter(
    s => s.status === 'breached' || s.status === 'at-risk',
  );
  const expanded = new Set(
    (attention.length > 0 ? attention : slos.slice(0, 1)).map(s => s.name),
  );
  return (
    <>
      <Typography variant="h5" component="h2" className={classes.sectionTitle}>
        Service level objectives
      </Typography>
      {slos.map(slo => (
        <SloPanel
          key={slo.name}
          slo={slo}
          definition={definitions.get(slo.name)}
          defaultExpanded={expanded.has(slo.name)}
          transitions={alerts?.transitions}
          alertSince={
            alerts?.current.find(
              c => c.slo === slo.name && c.state === slo.alert?.state,
            )?.since
          }
        />
      ))}
    </>
  );
}

/**
 * Entity tab "User trust": the trust score, each user-trust SLO with its
 * error budget and burn-down, where monitoring and users disagree, and the
 * signals behind it.
 *
 * @public
 */
export function EntityUserTrustContent() {
  const { entity } = useEntity();
  const api = useApi(userTrustApiRef);
  const entityRef = getCompoundEntityRef(entity);
  const deps = [api, entityRef.kind, entityRef.namespace, entityRef.name];

  const trust = useAsync(async () => api.getEntityTrust(entityRef), deps);
  // The definitions only add descriptions: the tab works without them.
  const definitions = useAsync(async () => {
    try {
      const { slos } = await api.getEntitySlos(entityRef);
      return new Map(slos.map(s => [s.slo.name, s.slo]));
    } catch {
      return new Map<string, UserTrustSlo>();
    }
  }, deps);
  // The alert history adds the timeline and chart markers: the tab works
  // without it (an older backend, a failed request).
  const alerts = useAsync(async () => {
    try {
      return await api.getEntityAlerts(entityRef);
    } catch {
      return undefined;
    }
  }, deps);

  let overview;
  if (trust.loading) {
    overview = (
      <Grid item xs={12}>
        <Progress />
      </Grid>
    );
  } else if (trust.error) {
    overview = (
      <Grid item xs={12}>
        <ResponseErrorPanel
          error={trust.error}
          title="Could not evaluate the trust of this entity"
        />
      </Grid>
    );
  } else if (trust.value) {
    overview = (
      <>
        <Grid item xs={12} md={4}>
          <ScoreCard trust={trust.value} />
        </Grid>
        <Grid item xs={12} md={8}>
          <DissonancePanel
            dissonance={trust.value.dissonance}
            slos={trust.value.slos}
            technical={trust.value.technical}
          />
        </Grid>
        <Grid item xs={12}>
          <Box>
            <SloPanels
              slos={trust.value.slos}
              definitions={definitions.value ?? new Map()}
              alerts={alerts.value}
            />
          </Box>
        </Grid>
        {alerts.value && (
          <Grid item xs={12}>
            <AlertTimeline
              transitions={alerts.value.transitions}
              slos={trust.value.slos}
            />
          </Grid>
        )}
      </>
    );
  }

  return (
    <Grid container spacing={3} alignItems="stretch">
      {overview}
      <Grid item xs={12}>
        <SignalsTable entityRef={entityRef} />
      </Grid>
    </Grid>
  );
}
