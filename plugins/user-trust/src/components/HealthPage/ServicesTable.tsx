import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  EntityHealth,
  HealthListResponse,
  HealthSortField,
} from '@user-trust/plugin-user-trust-common';
import { useMemo } from 'react';
import { useTableRows } from '../common/useTableRows';
import { BudgetBar } from '../common/BudgetBar';
import { SloStatusChip } from '../common/SloStatusChip';
import {
  BurnCell,
  CoverageCell,
  DissonanceCell,
  RefCell,
  ScoreCell,
  ServiceCell,
  WeekOverWeekCell,
} from './HealthCells';
import { NATURAL_ORDER, PAGE_SIZES, SortOrder } from './healthQuery';
import { ALERT_STATE_LABELS, formatForecast } from '../common/alertFormat';

/** When the first budget runs out at the current burn, and its SLO. */
function RunoutCell({ alert }: { alert: EntityHealth['alert'] }) {
  if (!alert) {
    return (
      <Typography variant="body2" color="textSecondary">
        —
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {formatForecast({ spent: alert.spent, runsOutAt: alert.runsOutAt })}
      </Typography>
      {alert.state !== 'ok' && (
        <Typography variant="caption" color="textSecondary" component="div">
          {ALERT_STATE_LABELS[alert.state]}
          {alert.slo ? `: ${alert.slo}` : ''}
        </Typography>
      )}
    </>
  );
}

type Column = TableColumn<EntityHealth> & { sortField?: HealthSortField };

/** The columns; those with a `sortField` sort on the server. */
const COLUMNS: Column[] = [
  {
    title: 'Service',
    width: '15%',
    sortField: 'name',
    highlight: true,
    render: row => <ServiceCell row={row} />,
  },
  {
    title: 'Team · system',
    width: '13%',
    render: row => (
      <>
        <RefCell entityRef={row.owner} defaultKind="group" />
        <RefCell entityRef={row.system} defaultKind="system" secondary />
      </>
    ),
  },
  {
    title: 'Status',
    width: '10%',
    render: row => (
      <Box display="flex" alignItems="center" gridGap={4}>
        <SloStatusChip status={row.status} />
        <DissonanceCell dissonance={row.dissonance} />
      </Box>
    ),
  },
  {
    title: 'Score',
    width: '10%',
    sortField: 'score',
    align: 'right',
    render: row => <ScoreCell score={row.score} />,
  },
  {
    title: 'Worst budget',
    width: '11%',
    sortField: 'budget',
    render: row => (
      <BudgetBar
        remaining={row.worstBudget}
        status={row.status}
        label="Least error budget left"
      />
    ),
  },
  {
    title: 'Fastest burn',
    width: '11%',
    sortField: 'burn',
    render: row => <BurnCell fastestBurn={row.fastestBurn} />,
  },
  {
    title: 'Budget runs out',
    width: '11%',
    sortField: 'runout',
    render: row => <RunoutCell alert={row.alert} />,
  },
  {
    title: 'Signals 7d',
    width: '10%',
    sortField: 'cases',
    render: row => (
      <>
        <WeekOverWeekCell
          value={row.supportCases}
          noun="support cases"
          unit={['case', 'cases']}
        />
        <WeekOverWeekCell
          value={row.incidents}
          noun="incidents"
          unit={['incident', 'incidents']}
          secondary
        />
      </>
    ),
  },
  {
    title: 'Missing roles',
    width: '9%',
    render: row => <CoverageCell missingRoles={row.missingRoles} />,
  },
];

/** The server sorted the page already: the table keeps its order. */
const keepServerOrder = () => 0;

/**
 * The sort a header click asks for: another column starts worst first,
 * the sorted column flips.
 */
export function nextSort(
  current: { sort: HealthSortField; order: SortOrder },
  field: HealthSortField,
): { sort: HealthSortField; order: SortOrder } {
  if (field !== current.sort) {
    return { sort: field, order: NATURAL_ORDER[field] };
  }
  return { sort: field, order: current.order === 'asc' ? 'desc' : 'asc' };
}

/**
 * One page of the health list. Paging and sorting happen on the server:
 * the table only reports clicks, and the page (kept in the URL) loads the
 * rows.
 */
export function ServicesTable(props: {
  response: HealthListResponse;
  loading: boolean;
  sort: HealthSortField;
  order: SortOrder;
  page: number;
  pageSize: number;
  onSortChange: (sort: HealthSortField, order: SortOrder) => void;
  onPageChange: (page: number, pageSize: number) => void;
  filtered: boolean;
  /** Whether the list is "My services" (`holder=me`). */
  mine?: boolean;
  onClearFilters: () => void;
}) {
  const { response, loading, sort, order, page, pageSize, filtered } = props;

  const columns = useMemo(
    (): TableColumn<EntityHealth>[] =>
      COLUMNS.map(({ sortField, ...column }) => ({
        ...column,
        sorting: Boolean(sortField),
        defaultSort: sortField === sort ? order : undefined,
        customSort: sortField ? keepServerOrder : undefined,
      })),
    [sort, order],
  );

  const { rows, version } = useTableRows(response.items, row => row.entityRef);

  const emptyContent = (
    <Box padding={3} textAlign="center">
      {filtered ? (
        <>
          <Typography variant="body1" gutterBottom>
            {props.mine
              ? 'No services match: neither you nor your teams hold a field role (TAM, CSM, DevRel, support) on them.'
              : 'No services match these filters.'}
          </Typography>
          <Button color="primary" onClick={props.onClearFilters}>
            Clear filters
          </Button>
        </>
      ) : (
        <Typography variant="body1">
          No services to show yet. Health appears here once the User Trust
          backend has evaluated the catalog entities you may see.
        </Typography>
      )}
    </Box>
  );

  return (
    <Table<EntityHealth>
      // The header arrows are set up when the table mounts: remount when
      // the sort comes from elsewhere (a link, "Clear filters"), and for
      // each page of rows (see useTableRows).
      key={`${sort}|${order}|${pageSize}|${version}`}
      title="Services"
      subtitle={`${response.totalCount} ${
        response.totalCount === 1 ? 'entity' : 'entities'
      }`}
      columns={columns}
      data={rows}
      page={page}
      totalCount={response.totalCount}
      isLoading={loading}
      emptyContent={emptyContent}
      onOrderChange={orderBy => {
        const field = COLUMNS[orderBy]?.sortField;
        if (!field) return;
        const next = nextSort({ sort, order }, field);
        props.onSortChange(next.sort, next.order);
      }}
      onPageChange={(nextPage, nextPageSize) =>
        props.onPageChange(nextPage, nextPageSize)
      }
      options={{
        search: false,
        sorting: true,
        thirdSortClick: false,
        paging: true,
        pageSize,
        pageSizeOptions: PAGE_SIZES,
        emptyRowsWhenPaging: false,
        padding: 'dense',
        tableLayout: 'fixed',
        draggable: false,
      }}
    />
  );
}
