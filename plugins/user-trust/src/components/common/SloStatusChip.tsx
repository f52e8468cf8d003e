import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import { SloStatus } from '@user-trust/plugin-user-trust-common';
import { SLO_STATUS_LABELS } from './format';

/**
 * The colour of a status, from the Backstage theme's status palette (the
 * same colours as `StatusOK`, `StatusWarning`, `StatusError` and
 * `StatusPending`).
 */
export function statusColor(theme: Theme, status: SloStatus): string {
  const palette = theme.palette.status;
  switch (status) {
    case 'healthy':
      return palette?.ok ?? theme.palette.success.main;
    case 'at-risk':
      return palette?.warning ?? theme.palette.warning.main;
    case 'breached':
      return palette?.error ?? theme.palette.error.main;
    default:
      return palette?.aborted ?? theme.palette.text.secondary;
  }
}

const STATUS_ICONS = {
  healthy: CheckCircleOutline,
  'at-risk': ReportProblemOutlined,
  breached: ErrorOutline,
  'no-data': RemoveCircleOutline,
  'insufficient-data': HelpOutline,
} as const;

/** A value per status, e.g. one static style class per status. */
export function byStatus<T>(
  make: (status: SloStatus) => T,
): Record<SloStatus, T> {
  return {
    healthy: make('healthy'),
    'at-risk': make('at-risk'),
    breached: make('breached'),
    'no-data': make('no-data'),
    'insufficient-data': make('insufficient-data'),
  };
}

const useStyles = makeStyles(theme => ({
  chip: {
    fontWeight: theme.typography.fontWeightMedium as number,
    margin: 0,
  },
  icon: {},
  // One static class per status: no per-instance style sheets.
  ...byStatus(status => ({
    borderColor: statusColor(theme, status),
    '& $icon': { color: statusColor(theme, status) },
  })),
}));

/**
 * The status of an SLO or an entity as a small chip: healthy green, at risk
 * orange, breached red, no data or insufficient data grey.
 */
export function SloStatusChip(props: { status: SloStatus }) {
  const { status } = props;
  const classes = useStyles();
  const Icon = STATUS_ICONS[status] ?? HelpOutline;
  return (
    <Chip
      size="small"
      variant="outlined"
      className={`${classes.chip} ${classes[status] ?? ''}`}
      icon={<Icon className={classes.icon} />}
      label={SLO_STATUS_LABELS[status] ?? status}
    />
  );
}
