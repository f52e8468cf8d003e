import {
  InfoCard,
  StatusOK,
  StatusPending,
  WarningPanel,
} from '@backstage/core-components';
import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PerceptionDissonance,
  SloEvaluation,
  TechnicalSli,
  TechnicalSliProvenance,
} from '@user-trust/plugin-user-trust-common';
import {
  formatBurnRate,
  formatRatio,
  SLO_STATUS_LABELS,
} from '../common/format';

const TITLES: Record<PerceptionDissonance['kind'], string> = {
  'technical-green-users-burning':
    'Monitoring is green, but users are burning the budget',
  'technical-red-users-fine': 'Monitoring is red, but users are fine',
};

const useStyles = makeStyles(theme => ({
  query: {
    fontFamily: 'monospace',
    fontSize: '0.85em',
    wordBreak: 'break-word',
    padding: theme.spacing(0, 0.5),
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.action.hover,
  },
}));

/** What people call the sources that report technical SLIs. */
const SOURCE_NAMES: Record<string, string> = {
  prometheus: 'Prometheus',
  demo: 'demo data',
};

const sourceName = (source: string) => SOURCE_NAMES[source] ?? source;

/** "a", "a and b", "a, b and c". */
function listOf(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function reportCount({ days, reports }: TechnicalSliProvenance): string {
  if (reports === days) {
    return days === 1 ? '1 daily report' : `${days} daily reports`;
  }
  return `${reports} reports on ${days === 1 ? '1 day' : `${days} days`}`;
}

/**
 * Where the technical number comes from, in words: its sources, the query
 * of the latest report (or the query demo data stands in for), how many
 * reports it averages and the latest day.
 */
function TechnicalSliSource(props: { provenance: TechnicalSliProvenance }) {
  const { provenance } = props;
  const classes = useStyles();
  const { query, standsInFor } = provenance;
  const sources = provenance.sources.length
    ? listOf(provenance.sources.map(sourceName))
    : 'sli_report signals';
  const queryText = query && (
    <>
      {query.ratio !== undefined ? (
        <code className={classes.query}>{query.ratio}</code>
      ) : (
        <>
          <code className={classes.query} title="good events">
            {query.good}
          </code>{' '}
          /{' '}
          <code className={classes.query} title="all events">
            {query.total}
          </code>
        </>
      )}
    </>
  );
  let from: ReactNode;
  if (standsInFor) {
    from = (
      <>
        {sources} standing in for {sourceName(standsInFor)}
        {queryText ? <> query {queryText}</> : null}
      </>
    );
  } else {
    from = (
      <>
        {sources}
        {queryText ? <>: {queryText}</> : null}
      </>
    );
  }
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      component="div"
      data-testid="dissonance-provenance"
    >
      Technical SLI from {from}, {reportCount(provenance)}, latest{' '}
      {provenance.latestDay}
    </Typography>
  );
}

/**
 * One panel per kind of disagreement: the technical SLI once, then every
 * user-trust SLO that contradicts it.
 */
function DissonanceGroup(props: {
  kind: PerceptionDissonance['kind'];
  entries: PerceptionDissonance[];
  sloNames: Map<string, string>;
}) {
  const { kind, entries, sloNames } = props;
  const { technical } = entries[0];
  const meetsTarget = technical.attainment >= technical.target;
  const sloCount =
    entries.length === 1
      ? '1 user-trust SLO'
      : `${entries.length} user-trust SLOs`;
  return (
    <WarningPanel
      severity={kind === 'technical-green-users-burning' ? 'warning' : 'info'}
      title={TITLES[kind] ?? kind}
      message={
        meetsTarget
          ? `Monitoring meets its target while ${sloCount} burn${
              entries.length === 1 ? 's' : ''
            } the budget users give this service.`
          : `Monitoring misses its target while ${sloCount} stay healthy.`
      }
      defaultExpanded
    >
      <Typography variant="body2" component="div">
        <div data-testid="dissonance-technical">
          Technical SLI <strong>{technical.sli}</strong>:{' '}
          {formatRatio(technical.attainment)} against a target of{' '}
          {formatRatio(technical.target)} (
          {meetsTarget ? 'meets target' : 'misses target'})
        </div>
        {technical.provenance && (
          <TechnicalSliSource provenance={technical.provenance} />
        )}
        <ul>
          {entries.map(({ userTrust }) => (
            <li key={userTrust.slo} data-testid="dissonance-user-trust">
              User-trust SLO{' '}
              <strong>{sloNames.get(userTrust.slo) ?? userTrust.slo}</strong>:{' '}
              {SLO_STATUS_LABELS[userTrust.status] ?? userTrust.status}
              {userTrust.burnRate !== null
                ? `, burning its budget at ${formatBurnRate(
                    userTrust.burnRate,
                  )}`
                : ', no burn rate yet'}
            </li>
          ))}
        </ul>
      </Typography>
    </WarningPanel>
  );
}

/**
 * Where monitoring and users disagree, with both numbers, or a short note
 * that they agree; either way where the technical number comes from.
 */
export function DissonancePanel(props: {
  dissonance: PerceptionDissonance[];
  slos: SloEvaluation[];
  /** The technical SLI compared; none without reports in 28 days. */
  technical?: TechnicalSli;
}) {
  const { dissonance, slos, technical } = props;
  const sloNames = new Map(slos.map(s => [s.name, s.displayName ?? s.name]));
  const byKind = new Map<
    PerceptionDissonance['kind'],
    PerceptionDissonance[]
  >();
  for (const d of dissonance) {
    byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  }
  const groups = [...byKind.entries()];
  return (
    <InfoCard
      title="Perception dissonance"
      subheader="Technical SLIs compared with what users experience"
      variant="gridItem"
    >
      {dissonance.length === 0 && !technical && (
        <Box data-testid="dissonance-no-technical">
          <StatusPending>No technical SLI to compare</StatusPending>
          <Typography variant="body2" color="textSecondary">
            No technical SLI reports (sli_report signals, e.g. from Prometheus)
            in the last 28 days.
          </Typography>
        </Box>
      )}
      {dissonance.length === 0 && technical && (
        <Box data-testid="dissonance-none">
          <StatusOK>Monitoring and users agree</StatusOK>
          <Typography variant="body2" color="textSecondary">
            Technical SLI <strong>{technical.sli}</strong>:{' '}
            {formatRatio(technical.attainment)} against a target of{' '}
            {formatRatio(technical.target)}; no user-trust SLO of this entity
            contradicts it.
          </Typography>
          {technical.provenance && (
            <TechnicalSliSource provenance={technical.provenance} />
          )}
        </Box>
      )}
      {groups.map(([kind, entries], index) => (
        <Box key={kind} mb={index < groups.length - 1 ? 1 : 0}>
          <DissonanceGroup kind={kind} entries={entries} sloNames={sloNames} />
        </Box>
      ))}
    </InfoCard>
  );
}
