import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  SIGNAL_KIND_LABELS,
  SIGNAL_KINDS,
  SignalKind,
  StoredSignal,
} from '@user-trust/plugin-user-trust-common';
import { useCallback, useState } from 'react';
import { userTrustApiRef } from '../../api';
import { formatDateTime } from '../common/format';

/** Page size of the signals table. */
export const SIGNALS_PAGE_SIZE = 20;

const useStyles = makeStyles(theme => ({
  filter: {
    marginTop: theme.spacing(1),
    marginRight: theme.spacing(1),
    minWidth: theme.spacing(28),
    maxWidth: theme.spacing(40),
  },
  mono: {
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    overflowWrap: 'anywhere',
  },
}));

function HandledBy({ signal }: { signal: StoredSignal }) {
  if (!signal.handledBy) {
    return null;
  }
  let link;
  try {
    parseEntityRef(signal.handledBy, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    link = (
      <EntityRefLink
        entityRef={signal.handledBy}
        defaultKind="user"
        defaultNamespace="default"
      />
    );
  } catch {
    link = signal.handledBy;
  }
  return (
    <>
      {link}
      {signal.fieldRole && (
        <Typography variant="caption" color="textSecondary" component="div">
          {signal.fieldRole}
        </Typography>
      )}
    </>
  );
}

function SourceCell({ signal }: { signal: StoredSignal }) {
  const classes = useStyles();
  return (
    <span className={classes.mono}>
      {signal.source} / {signal.externalId}
    </span>
  );
}

const columns: TableColumn<StoredSignal>[] = [
  {
    title: 'Occurred',
    field: 'occurredAt',
    render: s => (
      <time dateTime={s.occurredAt}>{formatDateTime(s.occurredAt)}</time>
    ),
  },
  {
    title: 'Kind',
    field: 'kind',
    render: s => SIGNAL_KIND_LABELS[s.kind] ?? s.kind,
  },
  {
    title: 'Severity',
    field: 'severity',
    render: s => s.severity ?? '—',
  },
  { title: 'Account', field: 'account', render: s => s.account ?? '—' },
  {
    title: 'Value',
    field: 'value',
    type: 'numeric',
    render: s => (s.value === undefined || s.value === null ? '—' : s.value),
  },
  {
    title: 'Handled by',
    field: 'handledBy',
    render: s => <HandledBy signal={s} />,
  },
  {
    title: 'Source',
    field: 'externalId',
    render: s => <SourceCell signal={s} />,
  },
];

function KindFilter(props: {
  kinds: SignalKind[];
  onChange: (kinds: SignalKind[]) => void;
}) {
  const { kinds, onChange } = props;
  const classes = useStyles();
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      label="Signal kinds"
      className={classes.filter}
      value={kinds}
      SelectProps={{
        multiple: true,
        displayEmpty: true,
        renderValue: selected => {
          const values = selected as SignalKind[];
          return values.length === 0
            ? 'All kinds'
            : values.map(k => SIGNAL_KIND_LABELS[k]).join(', ');
        },
        SelectDisplayProps: { 'aria-label': 'Filter by signal kind' } as any,
      }}
      InputLabelProps={{ shrink: true }}
      onChange={event =>
        onChange((event.target.value as unknown as SignalKind[]) ?? [])
      }
    >
      {SIGNAL_KINDS.map(kind => (
        <MenuItem key={kind} value={kind} dense>
          <Checkbox
            size="small"
            checked={kinds.includes(kind)}
            color="primary"
          />
          <ListItemText primary={SIGNAL_KIND_LABELS[kind]} />
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The signals behind the SLOs, newest first, paged on the server and
 * filterable by kind.
 */
export function SignalsTable(props: { entityRef: CompoundEntityRef }) {
  const { entityRef } = props;
  const api = useApi(userTrustApiRef);
  const [kinds, setKinds] = useState<SignalKind[]>([]);
  const [error, setError] = useState<Error>();

  const { kind, namespace, name } = entityRef;
  const fetchPage = useCallback(
    async (query: { page: number; pageSize: number }) => {
      try {
        const result = await api.listEntitySignals(
          { kind, namespace, name },
          {
            kinds: kinds.length > 0 ? kinds : undefined,
            limit: query.pageSize,
            offset: query.page * query.pageSize,
          },
        );
        return {
          // A stable id a row, as the table keeps its row state by id.
          data: result.items.map(s => ({
            ...s,
            id: `${s.source}/${s.externalId}`,
          })),
          page: query.page,
          totalCount: result.totalCount,
        };
      } catch (e) {
        setError(e as Error);
        throw e;
      }
    },
    [api, kind, namespace, name, kinds],
  );

  const changeKinds = (next: SignalKind[]) => {
    setError(undefined);
    setKinds(next);
  };

  return (
    <InfoCard
      title="Signals behind it"
      subheader="The user-perceived signals the SLOs are computed from, newest first"
      action={<KindFilter kinds={kinds} onChange={changeKinds} />}
      noPadding
    >
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load the signals" />
      ) : (
        <Table<StoredSignal>
          // A new filter starts again at the first page.
          key={kinds.join(',')}
          columns={columns}
          data={fetchPage}
          options={{
            toolbar: false,
            search: false,
            sorting: false,
            paging: true,
            pageSize: SIGNALS_PAGE_SIZE,
            pageSizeOptions: [SIGNALS_PAGE_SIZE],
            emptyRowsWhenPaging: false,
            padding: 'dense',
            draggable: false,
          }}
          localization={{
            body: {
              emptyDataSourceMessage:
                kinds.length > 0
                  ? 'No signals of these kinds'
                  : 'No signals for this entity yet',
            },
          }}
          style={{ boxShadow: 'none' }}
        />
      )}
    </InfoCard>
  );
}
