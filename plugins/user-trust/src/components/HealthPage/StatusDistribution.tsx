import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import {
  SLO_STATUS_ORDER,
  SloStatus,
} from '@user-trust/plugin-user-trust-common';
import { SLO_STATUS_LABELS } from '../common/format';
import { byStatus, statusColor } from '../common/SloStatusChip';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: theme.spacing(1.5),
    borderRadius: theme.spacing(0.75),
    overflow: 'hidden',
    backgroundColor: theme.palette.action.selected,
    marginBottom: theme.spacing(2),
  },
  segment: {},
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  chip: {
    margin: 0,
    borderWidth: 2,
  },
  selected: {},
  // One static class per status: no per-instance style sheets.
  ...byStatus(status => {
    const color = statusColor(theme, status);
    return {
      '&$segment': { backgroundColor: color },
      '&$chip': { borderColor: color },
      '&$chip$selected, &$chip$selected:hover, &$chip$selected:focus': {
        backgroundColor: color,
        color: theme.palette.getContrastText(color),
      },
    };
  }),
}));

/**
 * How many services have each status, as a stacked bar and as chips that
 * toggle the status filter. The counts ignore the status filter itself, so
 * they show what selecting another status would add.
 */
export function StatusDistribution(props: {
  counts: Record<SloStatus, number>;
  selected: SloStatus[];
  onToggle: (status: SloStatus) => void;
}) {
  const { counts, selected, onToggle } = props;
  const classes = useStyles();
  const total = SLO_STATUS_ORDER.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return (
    <Box>
      <Box className={classes.bar} aria-hidden>
        {total > 0 &&
          SLO_STATUS_ORDER.filter(s => counts[s] > 0).map(status => (
            <Tooltip
              key={status}
              title={`${SLO_STATUS_LABELS[status]}: ${counts[status]}`}
            >
              <Box
                className={`${classes.segment} ${classes[status]}`}
                width={`${(counts[status] / total) * 100}%`}
              />
            </Tooltip>
          ))}
      </Box>
      <Box className={classes.chips} role="group" aria-label="Status filter">
        {SLO_STATUS_ORDER.map(status => {
          const isSelected = selected.includes(status);
          return (
            <Chip
              key={status}
              clickable
              variant="outlined"
              className={`${classes.chip} ${classes[status]} ${
                isSelected ? classes.selected : ''
              }`}
              label={`${SLO_STATUS_LABELS[status]} · ${counts[status] ?? 0}`}
              aria-pressed={isSelected}
              data-testid={`status-${status}`}
              onClick={() => onToggle(status)}
            />
          );
        })}
      </Box>
    </Box>
  );
}
