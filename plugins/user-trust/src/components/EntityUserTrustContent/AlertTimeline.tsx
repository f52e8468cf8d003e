import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  AlertTransition,
  SloEvaluation,
} from '@user-trust/plugin-user-trust-common';
import { describeTransition, formatForecast } from '../common/alertFormat';
import {
  formatBudgetLeft,
  formatBurnRate,
  formatDateTime,
} from '../common/format';

const useStyles = makeStyles(theme => ({
  list: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: {
    borderLeft: `2px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(2),
    paddingBottom: theme.spacing(1.5),
  },
  title: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
}));

/**
 * The timeline of alert transitions of an entity's SLOs, newest first: when,
 * which SLO, from which state to which, and the burn rates, budget and
 * forecast it was judged on.
 */
export function AlertTimeline(props: {
  transitions: ReadonlyArray<AlertTransition>;
  slos: ReadonlyArray<SloEvaluation>;
}) {
  const classes = useStyles();
  const names = new Map(props.slos.map(s => [s.name, s.displayName ?? s.name]));
  return (
    <InfoCard
      title="Alert history"
      subheader="Changes of each SLO's alert state, by multi-window burn"
    >
      {props.transitions.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No alert yet: every SLO has been OK since alerting began.
        </Typography>
      ) : (
        <ol className={classes.list} aria-label="Alert transitions">
          {props.transitions.map(t => (
            <li key={`${t.slo}-${t.at}`} className={classes.item}>
              <Typography variant="body2" className={classes.title}>
                <time dateTime={t.at}>{formatDateTime(t.at)}</time> ·{' '}
                {names.get(t.slo) ?? t.slo}: {describeTransition(t)}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                Burn{' '}
                {t.burnRates
                  .map(
                    b =>
                      `${b.window} ${
                        b.rate === null ? 'no data' : formatBurnRate(b.rate)
                      }`,
                  )
                  .join(', ')}{' '}
                · {formatBudgetLeft(t.errorBudgetRemaining)} ·{' '}
                {formatForecast(t.forecast, new Date(t.at))}
              </Typography>
            </li>
          ))}
        </ol>
      )}
    </InfoCard>
  );
}
