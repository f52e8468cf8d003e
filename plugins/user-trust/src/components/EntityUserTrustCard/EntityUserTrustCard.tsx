import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
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
  SIGNAL_KIND_LABELS,
  SignalKind,
} from '@user-trust/plugin-user-trust-common';
import { userTrustApiRef } from '../../api';
import { formatRelativeTime } from './formatRelativeTime';

const useStyles = makeStyles(theme => ({
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
 * Card for entity pages: what users experienced of this entity, as signals
 * from support, incidents and surveys over the last 7, 28 and 90 days.
 *
 * @public
 */
export function EntityUserTrustCard(props: { title?: string }) {
  const { title = 'User trust' } = props;
  const { entity } = useEntity();
  const api = useApi(userTrustApiRef);
  const entityRef = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getEntitySummary(entityRef),
    [api, entityRef.kind, entityRef.namespace, entityRef.name],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (
    !value ||
    !value.lastSignalAt ||
    value.windows.every(w => w.total === 0)
  ) {
    // No signals is not the same as zero problems: say so instead of
    // showing a table of zeros.
    content = (
      <EmptyState
        missing="data"
        title="No user signals yet"
        description="No support, incident or survey signals were received for this entity in the last 90 days. Send them to POST /api/user-trust/signals to see what users experience."
      />
    );
  } else {
    content = <SummaryTable summary={value} />;
  }

  return (
    <InfoCard title={title} subheader="User-perceived signals">
      {content}
    </InfoCard>
  );
}
