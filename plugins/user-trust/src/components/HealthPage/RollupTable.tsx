import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  SLO_STATUS_ORDER,
  HealthRollup,
  HealthRollupDimension,
} from '@user-trust/plugin-user-trust-common';
import { MouseEvent, ReactNode, useMemo, useRef } from 'react';
import { SLO_STATUS_LABELS, formatBurnRate } from '../common/format';
import { useTableRows } from '../common/useTableRows';
import { humanizeRef } from '../common/healthFormat';
import { byStatus, statusColor } from '../common/SloStatusChip';
import { ScoreCell, WeekOverWeekCell } from './HealthCells';
import { VIEW_LABELS } from './ViewSwitch';

/** What a rollup row stands for, per dimension. */
const DIMENSIONS: Record<
  HealthRollupDimension,
  { column: string; kind: string; none: string }
> = {
  group: { column: 'Team', kind: 'group', none: 'No owner' },
  system: { column: 'System', kind: 'system', none: 'No system' },
  domain: { column: 'Domain', kind: 'domain', none: 'No domain' },
};

const ROLLUP_PAGE_SIZE = 20;

const useStyles = makeStyles(theme => ({
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
  },
  count: {
    borderLeft: `${theme.spacing(0.5)}px solid`,
    paddingLeft: theme.spacing(0.5),
  },
  ...byStatus(status => ({ borderLeftColor: statusColor(theme, status) })),
  keyButton: {
    textAlign: 'left',
  },
}));

/** "2 breached · 1 at risk · 5 healthy", leaving out the zeros. */
function StatusCounts(props: { counts: HealthRollup['statusCounts'] }) {
  const classes = useStyles();
  return (
    <Box className={classes.counts}>
      {SLO_STATUS_ORDER.filter(s => props.counts[s] > 0).map(status => (
        <Typography
          key={status}
          variant="body2"
          component="span"
          className={`${classes.count} ${classes[status]}`}
        >
          {props.counts[status]} {SLO_STATUS_LABELS[status]}
        </Typography>
      ))}
    </Box>
  );
}

/** A row's team, system or domain, as a button that narrows the list to it. */
function KeyButton(props: { onClick: () => void; children: ReactNode }) {
  const classes = useStyles();
  return (
    // A real control for keyboards; the whole row is clickable too.
    <Link
      component="button"
      variant="body2"
      className={classes.keyButton}
      onClick={(e: MouseEvent) => {
        e.stopPropagation();
        props.onClick();
      }}
    >
      {props.children}
    </Link>
  );
}

/**
 * The health list summed up per team, system or domain, worst first (the
 * server's order). Choosing a row narrows the service list to it.
 */
export function RollupTable(props: {
  by: HealthRollupDimension;
  items: HealthRollup[];
  loading: boolean;
  onSelect: (key: string) => void;
}) {
  const { by, items, loading, onSelect } = props;
  const dimension = DIMENSIONS[by];
  const { rows, version } = useTableRows(items, row => row.key ?? '');
  // The latest callback, so that the columns stay the same between renders.
  const select = useRef(onSelect);
  select.current = onSelect;

  const columns = useMemo(
    (): TableColumn<HealthRollup>[] => [
      {
        title: dimension.column,
        highlight: true,
        render: row =>
          row.key ? (
            <KeyButton onClick={() => select.current(row.key!)}>
              {humanizeRef(row.key, dimension.kind)}
            </KeyButton>
          ) : (
            <Typography variant="body2" color="textSecondary">
              {dimension.none}
            </Typography>
          ),
      },
      { title: 'Entities', field: 'entities', type: 'numeric' },
      {
        title: 'Mean score',
        render: row => <ScoreCell score={row.meanScore} />,
      },
      {
        title: 'Statuses',
        render: row => <StatusCounts counts={row.statusCounts} />,
      },
      { title: 'Blind spots', field: 'blindSpots', type: 'numeric' },
      { title: 'Dissonant', field: 'dissonant', type: 'numeric' },
      {
        title: 'Cases 7d',
        render: row => (
          <WeekOverWeekCell value={row.supportCases} noun="support cases" />
        ),
      },
      {
        title: 'Incidents 7d',
        render: row => (
          <WeekOverWeekCell value={row.incidents} noun="incidents" />
        ),
      },
      {
        title: 'Fastest burn',
        render: row =>
          row.fastestBurn === null ? '—' : formatBurnRate(row.fastestBurn),
      },
    ],
    [dimension],
  );

  return (
    <Table<HealthRollup>
      // A table for each set of rows (see useTableRows).
      key={`${by}|${version}`}
      title={VIEW_LABELS[by]}
      subtitle="Worst first; choose a row to list its services"
      columns={columns}
      data={rows}
      isLoading={loading}
      onRowClick={(_, row) => row?.key && onSelect(row.key)}
      emptyContent={
        <Box padding={3} textAlign="center">
          <Typography variant="body1">
            No services match these filters.
          </Typography>
        </Box>
      }
      options={{
        search: false,
        sorting: false,
        paging: items.length > ROLLUP_PAGE_SIZE,
        pageSize: ROLLUP_PAGE_SIZE,
        pageSizeOptions: [ROLLUP_PAGE_SIZE, 50, 100],
        emptyRowsWhenPaging: false,
        padding: 'dense',
        draggable: false,
      }}
    />
  );
}
