import { Link } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  AlertTransition,
  SloEvaluation,
  SloSource,
  UserTrustSlo,
} from '@user-trust/plugin-user-trust-common';
import { ReactNode } from 'react';
import { BudgetBar } from '../common/BudgetBar';
import {
  formatBudgetLeft,
  formatBurnRate,
  formatDateTime,
  formatDay,
  formatFastestBurnRate,
  formatRatio,
  isOverThreshold,
  sourceLocationUrl,
} from '../common/format';
import { SloStatusChip } from '../common/SloStatusChip';
import { ALERT_STATE_LABELS, formatForecast } from '../common/alertFormat';
import { BudgetBurnDownChart } from './BudgetBurnDownChart';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) auto minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: theme.spacing(2),
    width: '100%',
    [theme.breakpoints.down('xs')]: {
      gridTemplateColumns: 'minmax(0, 1fr) auto',
      rowGap: theme.spacing(1),
    },
  },
  name: {
    fontWeight: theme.typography.fontWeightMedium as number,
    overflowWrap: 'anywhere',
  },
  burn: {
    whiteSpace: 'nowrap',
    textAlign: 'right',
  },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    '& dt': {
      color: theme.palette.text.secondary,
      ...theme.typography.body2,
    },
    '& dd': {
      margin: 0,
      overflowWrap: 'anywhere',
      ...theme.typography.body2,
    },
  },
  overThreshold: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyle: 'none',
  },
  code: {
    fontFamily: 'monospace',
  },
}));

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function Attainment({ slo }: { slo: SloEvaluation }) {
  if (slo.attainment === null) {
    return <>— (no data)</>;
  }
  const unit = slo.budgetingMethod === 'Timeslices' ? 'time slices' : 'events';
  return (
    <>
      {formatRatio(slo.attainment)}
      {slo.confidence && (
        <>
          {' '}
          (95% interval {formatRatio(slo.confidence.lower)}–
          {formatRatio(slo.confidence.upper)})
        </>
      )}
      <Typography variant="caption" color="textSecondary" component="div">
        {slo.good.toLocaleString('en')} good of {slo.total.toLocaleString('en')}{' '}
        {unit}
      </Typography>
    </>
  );
}

function BurnRates({ slo }: { slo: SloEvaluation }) {
  const classes = useStyles();
  if (slo.burnRates.length === 0) {
    return <>—</>;
  }
  return (
    <ul className={classes.list}>
      {slo.burnRates.map(burnRate => {
        const over = isOverThreshold(burnRate);
        return (
          <li
            key={burnRate.window}
            className={over ? classes.overThreshold : undefined}
          >
            {burnRate.window}:{' '}
            {burnRate.rate === null ? 'no data' : formatBurnRate(burnRate.rate)}{' '}
            (alerts at {formatBurnRate(burnRate.threshold)})
            {over && ' — over threshold'}
          </li>
        );
      })}
    </ul>
  );
}

function ExcludedDays({ days }: { days: string[] }) {
  if (days.length === 0) {
    return <>None</>;
  }
  return <>{days.map(formatDay).join(', ')}</>;
}

/** Where the SLO was defined, with a link to an annotation's file. */
export function SloSourceText({ source }: { source: SloSource }) {
  const classes = useStyles();
  switch (source.type) {
    case 'annotation': {
      const url = sourceLocationUrl(source.location);
      return (
        <>
          Entity annotation:{' '}
          {url ? (
            <Link to={url}>{source.location}</Link>
          ) : (
            <span className={classes.code}>{source.location}</span>
          )}
        </>
      );
    }
    case 'config':
      return (
        <>
          App config rule <span className={classes.code}>{source.rule}</span>
        </>
      );
    case 'api':
      return (
        <>
          Set through the API
          {source.updatedBy ? <> by {source.updatedBy}</> : null} on{' '}
          <time dateTime={source.updatedAt}>
            {formatDateTime(source.updatedAt)}
          </time>
        </>
      );
    default:
      return <>Unknown</>;
  }
}

/**
 * One SLO as an expandable panel: status, budget and fastest burn in the
 * summary; its numbers and budget burn-down inside.
 */
export function SloPanel(props: {
  slo: SloEvaluation;
  definition?: UserTrustSlo;
  defaultExpanded?: boolean;
  /** The entity's alert transitions: markers on the burn-down. */
  transitions?: ReadonlyArray<AlertTransition>;
  /** Since when the SLO is in its stored alert state. */
  alertSince?: string;
}) {
  const { slo, definition, defaultExpanded, transitions, alertSince } = props;
  const classes = useStyles();
  const name = slo.displayName ?? slo.name;
  const summaryId = `slo-panel-${slo.name}-summary`;
  return (
    <Accordion
      defaultExpanded={defaultExpanded}
      data-testid={`slo-panel-${slo.name}`}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id={summaryId}
        aria-controls={`slo-panel-${slo.name}-details`}
      >
        <Box className={classes.summary}>
          <Typography variant="subtitle1" className={classes.name}>
            {name}
          </Typography>
          <SloStatusChip status={slo.status} />
          <BudgetBar
            remaining={slo.errorBudgetRemaining}
            status={slo.status}
            label={`Error budget left of ${name}`}
          />
          <Typography variant="body2" className={classes.burn}>
            {formatFastestBurnRate(slo.burnRates) ?? '—'}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails
        id={`slo-panel-${slo.name}-details`}
        aria-labelledby={summaryId}
      >
        <Grid container spacing={3}>
          <Grid item xs={12} md={5}>
            {definition?.description && (
              <Typography variant="body2" paragraph>
                {definition.description}
              </Typography>
            )}
            <dl className={classes.facts}>
              <Fact label="Target">{formatRatio(slo.target)}</Fact>
              <Fact label="Attainment">
                <Attainment slo={slo} />
              </Fact>
              <Fact label="Error budget">
                {formatBudgetLeft(slo.errorBudgetRemaining)}
              </Fact>
              <Fact label="Burn rates">
                <BurnRates slo={slo} />
              </Fact>
              {slo.alert && (
                <>
                  <Fact label="Alert state">
                    {ALERT_STATE_LABELS[slo.alert.state]}
                    {alertSince && (
                      <>
                        {' '}
                        since{' '}
                        <time dateTime={alertSince}>
                          {formatDateTime(alertSince)}
                        </time>
                      </>
                    )}{' '}
                    (burn{' '}
                    {slo.alert.burnRates
                      .map(
                        b =>
                          `${b.window} ${
                            b.rate === null ? 'no data' : formatBurnRate(b.rate)
                          }`,
                      )
                      .join(', ')}
                    )
                  </Fact>
                  <Fact label="Forecast">
                    {formatForecast(slo.alert.forecast)}
                  </Fact>
                </>
              )}
              <Fact label="Window">
                {formatDay(slo.window.from)} – {formatDay(slo.window.to)} (
                {slo.window.duration})
              </Fact>
              <Fact label="Budgeting">{slo.budgetingMethod}</Fact>
              <Fact label="Known-event days excluded">
                <ExcludedDays days={slo.excludedDays} />
              </Fact>
              <Fact label="Source">
                <SloSourceText source={slo.source} />
              </Fact>
            </dl>
          </Grid>
          <Grid item xs={12} md={7}>
            <Typography variant="overline" color="textSecondary">
              Error budget burn-down
            </Typography>
            <BudgetBurnDownChart slo={slo} transitions={transitions} />
          </Grid>
        </Grid>
      </AccordionDetails>
    </Accordion>
  );
}
