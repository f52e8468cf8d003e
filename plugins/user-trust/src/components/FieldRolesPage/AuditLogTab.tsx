import { ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  FieldRoleAssignment,
  FieldRoleAuditEntry,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import { userTrustApiRef } from '../../api';
import {
  CatalogRefPicker,
  HolderInfo,
  loadHolderInfos,
  RefLink,
  roleTitle,
} from '../common/fieldRoles';
import { formatDateTime } from '../common/format';
import { COVERED_KINDS } from './AssignmentsTab';
import { useRoleColumns, useStyles } from './shared';
import { SERVER_PAGED_TABLE_OPTIONS, useServerPages } from './useServerPages';

type Row = FieldRoleAuditEntry & { holders: (ref: string) => HolderInfo };

const ACTION_LABELS: Record<FieldRoleAuditEntry['action'], string> = {
  set: 'set',
  remove: 'removed',
  import: 'imported',
};

/** The holders of a role at one point, with their accounts. */
function Holders(props: {
  assignments: FieldRoleAssignment[];
  holders: (ref: string) => HolderInfo;
  /** Holders not on the other side of the change. */
  changed: Set<string>;
}) {
  const { assignments, holders, changed } = props;
  const classes = useStyles();
  if (assignments.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        nobody
      </Typography>
    );
  }
  return (
    <ul className={classes.plainList}>
      {assignments.map(a => (
        <Typography
          key={a.holderRef}
          component="li"
          variant="body2"
          className={changed.has(a.holderRef) ? classes.changed : undefined}
        >
          <RefLink entityRef={a.holderRef} defaultKind="user">
            {holders(a.holderRef).displayName}
          </RefLink>
          {a.accounts.length > 0 && (
            <Typography
              variant="caption"
              color="textSecondary"
              component="span"
            >
              {' '}
              ({a.accounts.join(', ')})
            </Typography>
          )}
        </Typography>
      ))}
    </ul>
  );
}

function diff(from: FieldRoleAssignment[], to: FieldRoleAssignment[]) {
  const other = new Set(to.map(a => a.holderRef));
  return new Set(from.map(a => a.holderRef).filter(ref => !other.has(ref)));
}

/** Every field-role change, newest first, with the holders before and after. */
export function AuditLogTab(props: { roles: FieldRoleType[] | undefined }) {
  const { roles } = props;
  const classes = useStyles();
  const api = useApi(userTrustApiRef);
  const catalogApi = useApi(catalogApiRef);
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const { fetchPage, error } = useServerPages<Row>(
    async page => {
      const result = await api.listFieldRoleAudit({
        entityRef: entityRef ?? undefined,
        ...page,
      });
      const holders = await loadHolderInfos(
        catalogApi,
        result.items.flatMap(e =>
          [...e.before, ...e.after].map(a => a.holderRef),
        ),
      );
      return {
        items: result.items.map(e => ({ ...e, holders })),
        totalCount: result.totalCount,
      };
    },
    [api, catalogApi, entityRef],
  );

  const columns = useRoleColumns<Row>(roles, currentRoles => [
    {
      title: 'When',
      field: 'at',
      render: e => <time dateTime={e.at}>{formatDateTime(e.at)}</time>,
    },
    {
      title: 'Who',
      field: 'actor',
      render: e => <RefLink entityRef={e.actor} defaultKind="user" />,
    },
    {
      title: 'Entity',
      field: 'entityRef',
      render: e => <RefLink entityRef={e.entityRef} defaultKind="component" />,
    },
    {
      title: 'Role',
      field: 'role',
      render: e => roleTitle(currentRoles(), e.role),
    },
    {
      title: 'Change',
      field: 'action',
      render: e => (
        <Chip
          size="small"
          variant="outlined"
          label={ACTION_LABELS[e.action] ?? e.action}
        />
      ),
    },
    {
      title: 'Before',
      field: 'before',
      render: e => (
        <Holders
          assignments={e.before}
          holders={e.holders}
          changed={diff(e.before, e.after)}
        />
      ),
    },
    {
      title: 'After',
      field: 'after',
      render: e => (
        <Holders
          assignments={e.after}
          holders={e.holders}
          changed={diff(e.after, e.before)}
        />
      ),
    },
  ]);

  return (
    <>
      <Box className={classes.filters}>
        <CatalogRefPicker
          className={classes.filter}
          label="Entity"
          kinds={COVERED_KINDS}
          value={entityRef}
          onChange={ref => setEntityRef(ref)}
          placeholder="All entities"
        />
      </Box>
      {error ? (
        <ResponseErrorPanel
          error={error}
          title="Could not load the audit log"
        />
      ) : (
        <Table<Row>
          key={entityRef ?? ''}
          title="Audit log"
          subtitle="Every change of field-role holders, newest first"
          columns={columns}
          data={fetchPage}
          options={SERVER_PAGED_TABLE_OPTIONS}
          localization={{
            body: { emptyDataSourceMessage: 'No changes recorded yet' },
          }}
        />
      )}
    </>
  );
}
