import {
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  FieldRoleAssignment,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { useCallback, useState } from 'react';
import { userTrustApiRef } from '../../api';
import {
  AccountChips,
  CatalogRefPicker,
  HolderInfo,
  loadHolderInfos,
  RefLink,
  roleTitle,
} from '../common/fieldRoles';
import { formatDay } from '../common/format';
import { HolderCell, PAGE_SIZE, RoleFilter, useStyles } from './shared';

/** Kinds that can have field roles. */
export const COVERED_KINDS = ['Component', 'API', 'System', 'Resource'];

type Row = FieldRoleAssignment & { holder: HolderInfo };

/**
 * The registry's assignments, paged on the server, filtered by entity,
 * holder and role. Entity and holder are searched in the catalog.
 */
export function AssignmentsTab(props: { roles: FieldRoleType[] | undefined }) {
  const { roles } = props;
  const classes = useStyles();
  const api = useApi(userTrustApiRef);
  const catalogApi = useApi(catalogApiRef);
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [holderRef, setHolderRef] = useState<string | null>(null);
  const [role, setRole] = useState('');
  const [error, setError] = useState<Error>();

  const fetchPage = useCallback(
    async (query: { page: number; pageSize: number }) => {
      try {
        const result = await api.listFieldRoleAssignments({
          entityRef: entityRef ?? undefined,
          holderRef: holderRef ?? undefined,
          role: role || undefined,
          limit: query.pageSize,
          offset: query.page * query.pageSize,
        });
        const holders = await loadHolderInfos(
          catalogApi,
          result.items.map(a => a.holderRef),
        );
        return {
          data: result.items.map(a => ({ ...a, holder: holders(a.holderRef) })),
          page: query.page,
          totalCount: result.totalCount,
        };
      } catch (e) {
        setError(e as Error);
        throw e;
      }
    },
    [api, catalogApi, entityRef, holderRef, role],
  );

  const columns: TableColumn<Row>[] = [
    {
      title: 'Entity',
      field: 'entityRef',
      highlight: true,
      render: a => <RefLink entityRef={a.entityRef} defaultKind="component" />,
    },
    {
      title: 'Role',
      field: 'role',
      render: a => roleTitle(roles, a.role),
    },
    {
      title: 'Holder',
      field: 'holderRef',
      render: a => <HolderCell holder={a.holder} />,
    },
    {
      title: 'Accounts',
      field: 'accounts',
      render: a => <AccountChips accounts={a.accounts} />,
    },
    {
      title: 'Since',
      field: 'since',
      render: a => (a.since ? formatDay(a.since) : '—'),
    },
    {
      title: 'Registered by',
      field: 'registeredBy',
      render: a =>
        a.registeredBy ? (
          <>
            <RefLink entityRef={a.registeredBy} defaultKind="user" />
            {a.registeredAt && (
              <Typography
                variant="caption"
                color="textSecondary"
                className={classes.secondary}
              >
                {formatDay(a.registeredAt)}
              </Typography>
            )}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: 'Note',
      field: 'note',
      render: a => a.note ?? '',
    },
  ];

  const filtered = Boolean(entityRef || holderRef || role);
  return (
    <>
      <Box className={classes.filters}>
        <CatalogRefPicker
          className={classes.filter}
          label="Entity"
          kinds={COVERED_KINDS}
          value={entityRef}
          onChange={ref => {
            setError(undefined);
            setEntityRef(ref);
          }}
          placeholder="Search services, APIs, …"
        />
        <CatalogRefPicker
          className={classes.filter}
          label="Holder"
          kinds={['User', 'Group']}
          value={holderRef}
          onChange={ref => {
            setError(undefined);
            setHolderRef(ref);
          }}
          placeholder="Search people and teams"
        />
        <RoleFilter
          roles={roles}
          value={role}
          onChange={next => {
            setError(undefined);
            setRole(next);
          }}
        />
      </Box>
      {error ? (
        <ResponseErrorPanel
          error={error}
          title="Could not load the assignments"
        />
      ) : (
        <Table<Row>
          // New filters start again at the first page.
          key={`${entityRef}|${holderRef}|${role}`}
          title="Assignments"
          subtitle="Registered field-role holders; catalog annotations are not listed"
          columns={columns}
          data={fetchPage}
          options={{
            search: false,
            sorting: false,
            paging: true,
            pageSize: PAGE_SIZE,
            pageSizeOptions: [PAGE_SIZE, 50, 100],
            emptyRowsWhenPaging: false,
            padding: 'dense',
            draggable: false,
          }}
          localization={{
            body: {
              emptyDataSourceMessage: filtered
                ? 'No assignments match these filters'
                : 'No field roles registered yet',
            },
          }}
        />
      )}
    </>
  );
}
