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
import Divider from '@material-ui/core/Divider';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import {
  EntitySignalSummary,
  EntityTrustEvaluation,
  SIGNAL_KIND_LABELS,
  SignalKind,
  SloEvaluation,
} from '@user-trust/plugin-user-trust-common';
import { userTrustApiRef } from '../../api';
import { BudgetBar } from '../common/BudgetBar';
import { formatFastestBurnRate, isOverThreshold } from '../common/format';
import { SloStatusChip } from '../common/SloStatusChip';
import { TrustScore } from '../common/TrustScore';
import { formatRelativeTime } from './formatRelativeTime';
import { ALERT_STATE_LABELS, formatForecast } from '../common/alertFormat';

const useStyles = makeStyles(theme => ({
  section: {
    marginBottom: theme.spacing(2),
  },
  sectionTitle: {
    display: 'block',
    color: theme.palette.text.secondary,
  },
  sloName: {
    maxWidth: theme.spacing(22),
    overflowWrap: 'anywhere',
  },
  sloCell: {
    verticalAlign: 'top',
  },
  burnRate: {
    whiteSpace: 'nowrap',
  },
  overThreshold: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  lastSignal: {
    marginBottom: theme.spacing(1),
  },
  total: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/** Kinds sorted by their 90-day count, most frequent first. */
function kindsByVolume(summary: EntitySignalSummary): SignalKind[] {
  const longest = summary.windows[summary.windows.length - 1];
  return (Object.keys(longest.byKind) as SignalKind[]).sort(
    (a, b) => (longest.byKind[b] ?? 0) - (longest.byKind[a] ?? 0),
  );
}

function SummaryTable({ summary }: { summary: EntitySignalSummary }) {
  const classes = useStyles();
  return (
    <>
      <Typography
        variant="body2"
        color="textSecondary"
        className={classes.lastSignal}
      >
        Last signal{' '}
        <time
          dateTime={summary.lastSignalAt}
          title={new Date(summary.lastSignalAt!).toLocaleString()}
        >
          {formatRelativeTime(new Date(summary.lastSignalAt!), new Date())}
        </time>
      </Typography>
      <Table size="small" aria-label="Signals by kind">
        <TableHead>
          <TableRow>
            <TableCell>Signal</TableCell>
            {summary.windows.map(w => (
              <TableCell key={w.window} align="right">
                {w.days} days
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {kindsByVolume(summary).map(kind => (
            <TableRow key={kind} data-testid={`signal-row-${kind}`}>
              <TableCell component="th" scope="row">
                {SIGNAL_KIND_LABELS[kind]}
              </TableCell>
              {summary.windows.map(w => (
                <TableCell key={w.window} align="right">
                  {w.byKind[kind] ?? 0}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow data-testid="signal-row-total">
            <TableCell component="th" scope="row" className={classes.total}>
              All signals
            </TableCell>
            {summary.windows.map(w => (
              <TableCell key={w.window} align="right" className={classes.total}>
                {w.total}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
}

/**
 * The alert state and the budget forecast under the budget bar, when there
 * is something to say: an alert, or a budget that runs out at this burn.
 */
function AlertForecastText({ slo }: { slo: SloEvaluation }) {
  const alert = slo.alert;
  if (
    !alert ||
    (alert.state === 'ok' && !alert.forecast.spent && !alert.forecast.runsOutAt)
  ) {
    return null;
  }
  const forecast = formatForecast(alert.forecast);
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      data-testid={`slo-forecast-${slo.name}`}
    >
      {alert.state === 'ok'
        ? forecast
        : `${ALERT_STATE_LABELS[alert.state]} · ${forecast}`}
    </Typography>
  );
}

/** The fastest burn rate of an SLO, "2.4× (1d)", bold when it alerts. */
function FastestBurnRate({ slo }: { slo: SloEvaluation }) {
  const classes = useStyles();
  const text = formatFastestBurnRate(slo.burnRates);
  if (!text) {
    return (
      <Typography variant="body2" color="textSecondary">
        —
      </Typography>
    );
  }
  const alerting = slo.burnRates.some(isOverThreshold);
  return (
    <Typography
      variant="body2"
      className={`${classes.burnRate} ${alerting ? classes.overThreshold : ''}`}
      title={alerting ? 'At or above its alerting threshold' : undefined}
    >
      {text}
    </Typography>
  );
}

function SloRows({ slos }: { slos: SloEvaluation[] }) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label="User-trust SLOs">
      <TableHead>
        <TableRow>
          <TableCell>SLO</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Error budget</TableCell>
          <TableCell align="right">Fastest burn</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {slos.map(slo => (
          <TableRow key={slo.name} data-testid={`slo-row-${slo.name}`}>
            <TableCell
              component="th"
              scope="row"
              className={`${classes.sloCell} ${classes.sloName}`}
            >
              {slo.displayName ?? slo.name}
            </TableCell>
            <TableCell className={classes.sloCell}>
              <SloStatusChip status={slo.status} />
            </TableCell>
            <TableCell className={classes.sloCell}>
              <BudgetBar
                remaining={slo.errorBudgetRemaining}
                status={slo.status}
                label={`Error budget left of ${slo.displayName ?? slo.name}`}
              />
              <AlertForecastText slo={slo} />
            </TableCell>
            <TableCell align="right" className={classes.sloCell}>
              <FastestBurnRate slo={slo} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function TrustOverview({ trust }: { trust: EntityTrustEvaluation }) {
  const classes = useStyles();
  return (
    <>
      <Box className={classes.section}>
        <TrustScore trust={trust} />
      </Box>
      {trust.slos.length > 0 && (
        <Box className={classes.section}>
          <SloRows slos={trust.slos} />
        </Box>
      )}
    </>
  );
}

function useEntityRef() {
  const { entity } = useEntity();
  return getCompoundEntityRef(entity);
}

/** Trust score and SLOs; loads on its own so that signals show regardless. */
function TrustSection() {
  const api = useApi(userTrustApiRef);
  const entityRef = useEntityRef();
  const { value, loading, error } = useAsync(
    async () => api.getEntityTrust(entityRef),
    [api, entityRef.kind, entityRef.namespace, entityRef.name],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not evaluate trust" />
    );
  }
  return value ? <TrustOverview trust={value} /> : null;
}

/** The 7/28/90-day counts of the entity's signals. */
function SignalsSection() {
  const classes = useStyles();
  const api = useApi(userTrustApiRef);
  const entityRef = useEntityRef();
  const { value, loading, error } = useAsync(
    async () => api.getEntitySummary(entityRef),
    [api, entityRef.kind, entityRef.namespace, entityRef.name],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (
    !value ||
    !value.lastSignalAt ||
    value.windows.every(w => w.total === 0)
  ) {
    // No signals is not the same as zero problems: say so instead of
    // showing a table of zeros.
    return (
      <EmptyState
        missing="data"
        title="No user signals yet"
        description="No support, incident or survey signals were received for this entity in the last 90 days. Send them to POST /api/user-trust/signals to see what users experience."
      />
    );
  }
  return (
    <>
      <Typography variant="overline" className={classes.sectionTitle}>
        Signals
      </Typography>
      <SummaryTable summary={value} />
    </>
  );
}

/**
 * Card for entity pages: the trust score and user-trust SLOs of the entity,
 * and what users experienced of it, as signals from support, incidents and
 * surveys over the last 7, 28 and 90 days.
 *
 * @public
 */
export function EntityUserTrustCard(props: { title?: string }) {
  const { title = 'User trust' } = props;
  return (
    <InfoCard
      title={title}
      subheader="User-perceived signals"
      deepLink={{ title: 'View details', link: './user-trust' }}
    >
      <TrustSection />
      <Box my={2}>
        <Divider />
      </Box>
      <SignalsSection />
    </InfoCard>
  );
}
