import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import SyncIcon from '@material-ui/icons/Sync';
import { ReactNode, useState } from 'react';
import { ExternalService, SourceStatus, userTrustApiRef } from '../../api';
import { errorMessage } from '../common/errors';
import { humanizeRef } from '../common/healthFormat';
import { ExternalServicesTable } from './ExternalServicesTable';
import { MapServiceDialog, MappingResult } from './MapServiceDialog';
import { RelativeTime } from './RelativeTime';
import { SourceErrors } from './SourceErrors';
import { SourceState } from './SourceState';
import { formatCount, formatDuration } from './sourceFormat';
import { WebhookUrl } from './WebhookUrl';

const useStyles = makeStyles(theme => ({
  figureLabel: {
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    fontSize: theme.typography.caption.fontSize,
    color: theme.palette.text.secondary,
  },
  section: {
    marginTop: theme.spacing(3),
  },
  progress: {
    height: 8,
    borderRadius: 4,
  },
}));

/** One labelled figure of a connector. */
function Figure(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Grid item xs={6} sm={4} lg={2}>
      <Typography className={classes.figureLabel} component="dt">
        {props.label}
      </Typography>
      <Typography variant="body1" component="dd" style={{ margin: 0 }}>
        {props.children}
      </Typography>
    </Grid>
  );
}

/** A running backfill: done of total, as a bar, or an indeterminate one. */
function BackfillProgress(props: {
  backfill: NonNullable<SourceStatus['backfill']>;
}) {
  const { done, total } = props.backfill;
  const classes = useStyles();
  const known = total !== undefined && total > 0;
  const percent = known ? Math.min(100, (done / total!) * 100) : undefined;
  return (
    <Box className={classes.section}>
      <Typography variant="body2" gutterBottom>
        Backfill running: {formatCount(done)}
        {known ? ` of ${formatCount(total!)}` : ''} read
        {percent !== undefined ? ` (${Math.floor(percent)} %)` : ''}
      </Typography>
      <LinearProgress
        className={classes.progress}
        variant={percent !== undefined ? 'determinate' : 'indeterminate'}
        value={percent}
        aria-label={`Backfill of ${props.backfill.done} items`}
      />
    </Box>
  );
}

/** A hint for connectors whose webhook URL carries a secret. */
function webhookHint(source: SourceStatus): string | undefined {
  if (source.id === 'statuspage') {
    return "Add a slash and one of the page's webhookTokens to the end: Statuspage signs nothing, so the URL carries the secret.";
  }
  return undefined;
}

/**
 * One connector: its state, when it last received a webhook and synced,
 * what it stored, a running backfill, the latest errors, and the services
 * it saw without an entity. Those allowed `user-trust.source.manage` can
 * resync it and map those services.
 */
export function SourceCard(props: {
  source: SourceStatus;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { source, canManage, onChanged } = props;
  const classes = useStyles();
  const api = useApi(userTrustApiRef);
  const alertApi = useApi(alertApiRef);
  const [mapping, setMapping] = useState<ExternalService>();
  const [mapped, setMapped] = useState<MappingResult>();
  const [resyncing, setResyncing] = useState(false);

  const resync = async () => {
    setResyncing(true);
    try {
      await api.resyncSource(source.id);
      alertApi.post({
        message: `${source.title}: sync started`,
        severity: 'success',
        display: 'transient',
      });
      onChanged();
    } catch (e) {
      alertApi.post({
        message: `${source.title}: could not start the sync: ${errorMessage(
          e,
        )}`,
        severity: 'error',
      });
    } finally {
      setResyncing(false);
    }
  };

  const unmapped = source.externalServices;
  return (
    <section aria-label={source.title}>
      <InfoCard
        title={source.title}
        titleTypographyProps={{ component: 'h2' }}
        subheader={<SourceState state={source.state} />}
        action={
          canManage && source.syncs ? (
            <Box mt={1} mr={1}>
              <Button
                variant="outlined"
                color="primary"
                startIcon={<SyncIcon />}
                onClick={resync}
                disabled={resyncing || source.state === 'syncing'}
              >
                Resync now
              </Button>
            </Box>
          ) : undefined
        }
      >
        <Grid container spacing={2} component="dl" style={{ margin: 0 }}>
          {source.receivesWebhooks && (
            <Figure label="Last webhook">
              <RelativeTime at={source.lastWebhookAt} />
            </Figure>
          )}
          {source.receivesWebhooks && (
            <Figure label="Webhooks accepted / refused">
              {formatCount(source.webhooksAccepted)} /{' '}
              {formatCount(source.webhooksRefused)}
            </Figure>
          )}
          {source.syncs && (
            <Figure label="Last sync">
              <RelativeTime at={source.lastSyncAt} />
            </Figure>
          )}
          {source.syncs && (
            <Figure label="Sync lag">
              {source.syncLagSeconds === undefined
                ? '—'
                : formatDuration(source.syncLagSeconds)}
            </Figure>
          )}
          <Figure label="Signals, 24 h">
            {formatCount(source.signals.last24h)}
          </Figure>
          <Figure label="Signals, 7 days">
            {formatCount(source.signals.last7d)}
          </Figure>
        </Grid>

        {source.backfill && <BackfillProgress backfill={source.backfill} />}

        {source.state === 'waiting' && source.receivesWebhooks && (
          <Box className={classes.section}>
            <WebhookUrl path={source.webhookPath} hint={webhookHint(source)} />
          </Box>
        )}

        {source.errors.length > 0 && (
          <Box className={classes.section}>
            <SourceErrors errors={source.errors} />
          </Box>
        )}

        {mapped && (
          <Box className={classes.section}>
            <Alert severity="success" onClose={() => setMapped(undefined)}>
              {mapped.service.name ?? mapped.service.id} now maps to{' '}
              {humanizeRef(mapped.entityRef, 'component')}:{' '}
              {mapped.attributed === 1
                ? '1 kept signal'
                : `${formatCount(mapped.attributed)} kept signals`}{' '}
              attributed.
            </Alert>
          </Box>
        )}

        {unmapped.length > 0 && (
          <Box className={classes.section}>
            <ExternalServicesTable
              services={unmapped}
              canMap={canManage}
              onMap={setMapping}
            />
          </Box>
        )}

        {mapping && (
          <MapServiceDialog
            source={source}
            service={mapping}
            onClose={() => setMapping(undefined)}
            onMapped={result => {
              setMapping(undefined);
              setMapped(result);
              onChanged();
            }}
          />
        )}
      </InfoCard>
    </section>
  );
}
