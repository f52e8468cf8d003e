import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SloStatus } from '@user-trust/plugin-user-trust-common';
import { budgetBarValue, formatBudgetLeft } from './format';
import { byStatus, statusColor } from './SloStatusChip';

const useStyles = makeStyles(theme => ({
  bar: {
    height: theme.spacing(0.75),
    borderRadius: theme.spacing(0.375),
    backgroundColor: theme.palette.action.selected,
  },
  fill: {
    borderRadius: theme.spacing(0.375),
  },
  // One static class per status: no per-instance style sheets.
  ...byStatus(status => ({
    '& $fill': { backgroundColor: statusColor(theme, status) },
  })),
  text: {
    whiteSpace: 'nowrap',
    marginTop: theme.spacing(0.25),
  },
}));

/**
 * The error budget left as a bar, clamped to 0–100%, with the real number
 * (which may be negative once the budget is overspent) printed below.
 */
export function BudgetBar(props: {
  remaining: number | null;
  status: SloStatus;
  label?: string;
}) {
  const { remaining, status, label = 'Error budget left' } = props;
  const classes = useStyles();
  const text = formatBudgetLeft(remaining);
  return (
    <Box minWidth={96}>
      {remaining !== null && (
        <LinearProgress
          variant="determinate"
          value={budgetBarValue(remaining)}
          className={classes[status]}
          classes={{ root: classes.bar, bar: classes.fill }}
          aria-label={label}
          aria-valuetext={text}
        />
      )}
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        className={classes.text}
      >
        {text}
      </Typography>
    </Box>
  );
}
