import { ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  FieldRoleCoverage,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { userTrustApiRef } from '../../api';
import { useTableRows } from '../common/useTableRows';
import {
  AccountChips,
  CatalogRefPicker,
  HolderInfo,
  loadHolderInfos,
  RefLink,
  roleTitle,
} from '../common/fieldRoles';
import {
  HolderCell,
  PAGE_SIZE,
  RoleChips,
  RoleFilter,
  useRoleColumns,
  useStyles,
} from './shared';

type Portfolio = FieldRoleCoverage['holders'][number];

type Row = Portfolio & {
  holder: HolderInfo;
  entityCount: number;
  roleCounts: Record<string, number>;
  accounts: string[];
};

const NO_ROWS: Row[] = [];

function toRow(portfolio: Portfolio, holder: HolderInfo): Row {
  const roleCounts: Record<string, number> = {};
  for (const a of portfolio.assignments) {
    roleCounts[a.role] = (roleCounts[a.role] ?? 0) + 1;
  }
  return {
    ...portfolio,
    holder,
    entityCount: new Set(portfolio.assignments.map(a => a.entityRef)).size,
    roleCounts,
    accounts: Array.from(
      new Set(portfolio.assignments.flatMap(a => a.accounts)),
    ).sort(),
  };
}

function PortfolioDetails(props: {
  row: Row;
  roles: FieldRoleType[] | undefined;
}) {
  const { row, roles } = props;
  const classes = useStyles();
  const byRole = Object.keys(row.roleCounts);
  return (
    <Box px={9} py={1} data-testid={`portfolio-${row.holderRef}`}>
      {byRole.map(roleId => (
        <Box key={roleId} mb={1}>
          <Typography variant="overline" color="textSecondary">
            {roleTitle(roles, roleId)}
          </Typography>
          <List dense disablePadding>
            {row.assignments
              .filter(a => a.role === roleId)
              .map(a => (
                <ListItem key={a.entityRef} disableGutters>
                  <ListItemText
                    disableTypography
                    primary={
                      <Box className={classes.inline}>
                        <Typography variant="body2">
                          <RefLink
                            entityRef={a.entityRef}
                            defaultKind="component"
                          />
                        </Typography>
                        <AccountChips accounts={a.accounts} />
                      </Box>
                    }
                  />
                </ListItem>
              ))}
          </List>
        </Box>
      ))}
    </Box>
  );
}

/**
 * What each holder covers: a TAM's or CSM's portfolio of entities and
 * accounts, one row per holder, details on expansion.
 */
export function PortfoliosTab(props: { roles: FieldRoleType[] | undefined }) {
  const { roles } = props;
  const classes = useStyles();
  const api = useApi(userTrustApiRef);
  const catalogApi = useApi(catalogApiRef);
  const [role, setRole] = useState('');
  const [holderRef, setHolderRef] = useState<string | null>(null);

  const { value, loading, error } = useAsync(async () => {
    const coverage = await api.getFieldRoleCoverage({
      ...(role ? { role } : {}),
      ...(holderRef ? { holderRef } : {}),
    });
    const holders = await loadHolderInfos(
      catalogApi,
      coverage.holders.map(h => h.holderRef),
    );
    return coverage.holders.map(h => toRow(h, holders(h.holderRef)));
  }, [api, catalogApi, role, holderRef]);
  const { rows, version } = useTableRows(value ?? NO_ROWS, r => r.holderRef);

  const columns = useRoleColumns<Row>(roles, currentRoles => [
    {
      title: 'Holder',
      field: 'holderRef',
      highlight: true,
      render: r => <HolderCell holder={r.holder} />,
      customSort: (a, b) =>
        a.holder.displayName.localeCompare(b.holder.displayName),
      customFilterAndSearch: (term, r) =>
        `${r.holderRef} ${r.holder.displayName} ${r.holder.email ?? ''}`
          .toLocaleLowerCase('en-US')
          .includes(String(term).toLocaleLowerCase('en-US')),
    },
    {
      title: 'Roles',
      field: 'roleCounts',
      sorting: false,
      searchable: false,
      render: r => (
        <RoleChips
          roleIds={Object.keys(r.roleCounts)}
          roles={currentRoles()}
          counts={r.roleCounts}
        />
      ),
    },
    {
      title: 'Entities',
      field: 'entityCount',
      type: 'numeric',
      searchable: false,
      defaultSort: 'desc',
    },
    {
      title: 'Accounts',
      field: 'accounts',
      sorting: false,
      customFilterAndSearch: (term, r) =>
        r.accounts.some(a =>
          a
            .toLocaleLowerCase('en-US')
            .includes(String(term).toLocaleLowerCase('en-US')),
        ),
      render: r => <AccountChips accounts={r.accounts} />,
    },
  ]);

  return (
    <>
      <Box className={classes.filters}>
        <RoleFilter roles={roles} value={role} onChange={setRole} />
        <CatalogRefPicker
          className={classes.filter}
          label="Holder"
          kinds={['User', 'Group']}
          value={holderRef}
          onChange={setHolderRef}
          placeholder="Search people and teams"
        />
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load portfolios" />
      ) : (
        <Table<Row>
          // A table for each set of rows (see useTableRows).
          key={version}
          title="Portfolios"
          subtitle="What each TAM, CSM, DevRel and support lead covers"
          isLoading={loading}
          columns={columns}
          data={rows}
          detailPanel={({ rowData }) => (
            <PortfolioDetails row={rowData} roles={roles} />
          )}
          onRowClick={(_event, _row, togglePanel) => togglePanel?.()}
          options={{
            search: true,
            paging: (value?.length ?? 0) > PAGE_SIZE,
            pageSize: PAGE_SIZE,
            pageSizeOptions: [PAGE_SIZE, 50, 100],
            emptyRowsWhenPaging: false,
            padding: 'dense',
            draggable: false,
          }}
          localization={{
            body: { emptyDataSourceMessage: 'Nobody holds a field role yet' },
          }}
        />
      )}
    </>
  );
}
