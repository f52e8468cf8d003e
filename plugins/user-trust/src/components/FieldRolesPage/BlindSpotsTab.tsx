import { ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import PersonAddOutlined from '@material-ui/icons/PersonAddOutlined';
import {
  FieldRoleCoverage,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { userTrustApiRef } from '../../api';
import { RefLink } from '../common/fieldRoles';
import { useTableRows } from '../common/useTableRows';
import {
  PAGE_SIZE,
  RoleChips,
  RoleFilter,
  SecondaryLine,
  useRoleColumns,
  useStyles,
} from './shared';

export type BlindSpot = FieldRoleCoverage['blindSpots'][number];

const NO_BLIND_SPOTS: BlindSpot[] = [];

/** Blind spots of the coverage, for a role or all roles. */
export function useBlindSpots(role: string, options: { skip?: boolean } = {}) {
  const api = useApi(userTrustApiRef);
  const skip = options.skip ?? false;
  return useAsync(async () => {
    if (skip) return [];
    return (await api.getFieldRoleCoverage(role ? { role } : {})).blindSpots;
  }, [api, role, skip]);
}

/**
 * Entities lacking a required field role, most exposed first (support
 * cases and incidents of the last 28 days).
 */
export function BlindSpotsTab(props: {
  roles: FieldRoleType[] | undefined;
  onAssign: (entityRefs: string[], role: string) => void;
}) {
  const { roles, onAssign } = props;
  const classes = useStyles();
  const [role, setRole] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const { value, loading, error } = useBlindSpots(role);
  const { rows: data, version } = useTableRows(
    value ?? NO_BLIND_SPOTS,
    b => b.entityRef,
  );

  const columns = useRoleColumns<BlindSpot>(roles, currentRoles => [
    {
      title: 'Entity',
      field: 'entityRef',
      highlight: true,
      render: b => (
        <>
          <RefLink entityRef={b.entityRef} defaultKind="component" />
          {b.title && <SecondaryLine>{b.title}</SecondaryLine>}
        </>
      ),
      customFilterAndSearch: (term, b) =>
        `${b.entityRef} ${b.title ?? ''}`
          .toLocaleLowerCase('en-US')
          .includes(String(term).toLocaleLowerCase('en-US')),
    },
    {
      title: 'Missing roles',
      field: 'missingRoles',
      sorting: false,
      render: b => (
        <RoleChips roleIds={b.missingRoles} roles={currentRoles()} />
      ),
    },
    {
      title: 'Support cases (28d)',
      field: 'recentSupportCases',
      type: 'numeric',
      searchable: false,
    },
    {
      title: 'Incidents (28d)',
      field: 'recentIncidents',
      type: 'numeric',
      searchable: false,
    },
    {
      title: 'Weight',
      field: 'weight',
      type: 'numeric',
      searchable: false,
      defaultSort: 'desc',
    },
  ]);

  const assignRole =
    role ||
    (roles ?? []).find(r =>
      data.some(
        b => selected.includes(b.entityRef) && b.missingRoles.includes(r.id),
      ),
    )?.id ||
    '';

  return (
    <>
      <Box className={classes.filters}>
        <RoleFilter
          roles={roles}
          value={role}
          onChange={next => {
            setSelected([]);
            setRole(next);
          }}
          label="Missing role"
          allLabel="Any required role"
        />
        <Box flex={1} />
        <Button
          variant="outlined"
          color="primary"
          startIcon={<PersonAddOutlined />}
          disabled={selected.length === 0}
          onClick={() => onAssign(selected, assignRole)}
        >
          Assign a holder to {selected.length} selected
        </Button>
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load blind spots" />
      ) : (
        <Table<BlindSpot>
          // A table for each set of rows (see useTableRows).
          key={`${role}|${version}`}
          title="Blind spots"
          subtitle="Entities lacking a required field role, most exposed first"
          isLoading={loading}
          columns={columns}
          data={data}
          onSelectionChange={rows => setSelected(rows.map(r => r.entityRef))}
          options={{
            selection: true,
            search: true,
            paging: data.length > PAGE_SIZE,
            pageSize: PAGE_SIZE,
            pageSizeOptions: [PAGE_SIZE, 50, 100],
            padding: 'dense',
            emptyRowsWhenPaging: false,
            showTextRowsSelected: false,
            draggable: false,
          }}
          localization={{
            body: {
              emptyDataSourceMessage: role
                ? 'No blind spots: every entity that needs this role has it.'
                : 'No blind spots: every entity has its required field roles.',
            },
          }}
        />
      )}
    </>
  );
}
