import { ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import {
  FieldRoleAssignment,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
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
import {
  HolderCell,
  RoleFilter,
  SecondaryLine,
  useRoleColumns,
  useStyles,
} from './shared';
import { SERVER_PAGED_TABLE_OPTIONS, useServerPages } from './useServerPages';

/** Kinds that can have field roles. */
export const COVERED_KINDS = ['Component', 'API', 'System', 'Resource'];

type Row = FieldRoleAssignment & { id: string; holder: HolderInfo };

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
  const { fetchPage, error } = useServerPages<Row>(
    async page => {
      const result = await api.listFieldRoleAssignments({
        entityRef: entityRef ?? undefined,
        holderRef: holderRef ?? undefined,
        role: role || undefined,
        ...page,
      });
      const holders = await loadHolderInfos(
        catalogApi,
        result.items.map(a => a.holderRef),
      );
      return {
        items: result.items.map(a => ({
          ...a,
          // A stable id a row, as the table keeps its row state by id.
          id: `${a.entityRef}|${a.role}|${a.holderRef}`,
          holder: holders(a.holderRef),
        })),
        totalCount: result.totalCount,
      };
    },
    [api, catalogApi, entityRef, holderRef, role],
  );

  const columns = useRoleColumns<Row>(roles, currentRoles => [
    {
      title: 'Entity',
      field: 'entityRef',
      highlight: true,
      render: a => <RefLink entityRef={a.entityRef} defaultKind="component" />,
    },
    {
      title: 'Role',
      field: 'role',
      render: a => roleTitle(currentRoles(), a.role),
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
              <SecondaryLine>{formatDay(a.registeredAt)}</SecondaryLine>
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
  ]);

  const filtered = Boolean(entityRef || holderRef || role);
  return (
    <>
      <Box className={classes.filters}>
        <CatalogRefPicker
          className={classes.filter}
          label="Entity"
          kinds={COVERED_KINDS}
          value={entityRef}
          onChange={ref => setEntityRef(ref)}
          placeholder="Search services, APIs, …"
        />
        <CatalogRefPicker
          className={classes.filter}
          label="Holder"
          kinds={['User', 'Group']}
          value={holderRef}
          onChange={ref => setHolderRef(ref)}
          placeholder="Search people and teams"
        />
        <RoleFilter
          roles={roles}
          value={role}
          onChange={next => setRole(next)}
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
          options={SERVER_PAGED_TABLE_OPTIONS}
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
