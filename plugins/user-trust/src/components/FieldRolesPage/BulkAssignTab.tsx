import { InfoCard } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloudUploadOutlined from '@material-ui/icons/CloudUploadOutlined';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  FieldRoleImportResult,
  FieldRoleImportRow,
  FieldRoleType,
  tryStoredEntityRef,
} from '@user-trust/plugin-user-trust-common';
import { ChangeEvent, useState } from 'react';
import { userTrustApiRef } from '../../api';
import { errorMessage } from '../common/errors';
import { CatalogRefPicker, ChipsInput, roleTitle } from '../common/fieldRoles';
import { authorizeFieldRoleManagement } from '../common/permissions';
import { useBlindSpots } from './BlindSpotsTab';
import { CSV_HEADER, parseImportCsv } from './csv';

const useStyles = makeStyles(theme => ({
  csv: {
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(2),
  },
  form: {
    display: 'grid',
    gap: theme.spacing(2),
  },
  results: {
    marginTop: theme.spacing(2),
    display: 'grid',
    gap: theme.spacing(2),
  },
  tableBox: {
    maxHeight: theme.spacing(50),
    overflow: 'auto',
  },
  mono: {
    fontFamily: 'monospace',
    overflowWrap: 'anywhere',
  },
  errorCell: {
    color: theme.palette.error.main,
  },
  rowCell: {
    width: theme.spacing(8),
    whiteSpace: 'nowrap',
  },
}));

/** The text of a chosen file (FileReader: works in every browser). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Blind-spot entities handed over from the blind-spots tab. */
export type QuickAssignPreset = {
  entityRefs: string[];
  role: string;
  /** Changes with every hand-over, to reset the form. */
  nonce: number;
};

type Outcome = {
  rows: FieldRoleImportRow[];
  /** The CSV the outcome is of. */
  text: string;
  result?: FieldRoleImportResult;
  /** Problems found in the browser, before asking the backend. */
  localErrors?: Array<{ row: number; message: string }>;
  /** Entities of a clean dry run the user may not change. */
  denied?: string[];
};

const CHANGE_LABELS = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
} as const;

function count(result: FieldRoleImportResult, change: string) {
  return result.changes.filter(c => c.change === change).length;
}

function ChangesTable(props: {
  result: FieldRoleImportResult;
  roles: FieldRoleType[] | undefined;
}) {
  const { result, roles } = props;
  const classes = useStyles();
  if (result.changes.length === 0) return null;
  return (
    <Box className={classes.tableBox}>
      <Table size="small" stickyHeader aria-label="Changes">
        <TableHead>
          <TableRow>
            <TableCell className={classes.rowCell}>Row</TableCell>
            <TableCell>Entity</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Holder</TableCell>
            <TableCell>Change</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.changes.map(c => (
            <TableRow key={c.row} data-testid={`change-row-${c.row}`}>
              <TableCell className={classes.rowCell}>{c.row}</TableCell>
              <TableCell className={classes.mono}>{c.entityRef}</TableCell>
              <TableCell>{roleTitle(roles, c.role)}</TableCell>
              <TableCell className={classes.mono}>{c.holderRef}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant={c.change === 'unchanged' ? 'outlined' : 'default'}
                  color={c.change === 'create' ? 'primary' : 'default'}
                  label={CHANGE_LABELS[c.change] ?? c.change}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function ErrorsTable(props: {
  errors: Array<{ row: number; message: string }>;
  rows: FieldRoleImportRow[];
}) {
  const { errors, rows } = props;
  const classes = useStyles();
  return (
    <Box className={classes.tableBox}>
      <Table size="small" stickyHeader aria-label="Errors">
        <TableHead>
          <TableRow>
            <TableCell className={classes.rowCell}>Row</TableCell>
            <TableCell>Entity</TableCell>
            <TableCell>Problem</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {errors.map((e, i) => (
            <TableRow key={i} data-testid={`error-row-${e.row}`}>
              <TableCell className={classes.rowCell}>
                {e.row === 0 ? 'header' : e.row}
              </TableCell>
              <TableCell className={classes.mono}>
                {rows[e.row - 1]?.entityRef ?? ''}
              </TableCell>
              <TableCell className={classes.errorCell}>{e.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** Builds import rows: one holder in one role for several blind spots. */
function QuickAssign(props: {
  roles: FieldRoleType[] | undefined;
  preset?: QuickAssignPreset;
  onAdd: (rows: FieldRoleImportRow[]) => void;
}) {
  const { roles, preset, onAdd } = props;
  const classes = useStyles();
  const [role, setRole] = useState(preset?.role ?? '');
  const [holderRef, setHolderRef] = useState<string | null>(null);
  const [entityRefs, setEntityRefs] = useState<string[]>(
    preset?.entityRefs ?? [],
  );
  const [accounts, setAccounts] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const blindSpots = useBlindSpots(role, { skip: !role });
  const candidates = role
    ? (blindSpots.value ?? []).filter(b => b.missingRoles.includes(role))
    : [];
  const titles = new Map(candidates.map(b => [b.entityRef, b.title]));
  const options = Array.from(
    new Set([...entityRefs, ...candidates.map(b => b.entityRef)]),
  );

  const add = () => {
    onAdd(
      entityRefs.map(entityRef => ({
        entityRef,
        role,
        holderRef: holderRef!,
        ...(accounts.length ? { accounts } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      })),
    );
    setEntityRefs([]);
  };

  return (
    <div data-testid="quick-assign">
      <InfoCard
        title="Quick assign"
        subheader="One holder, one role, several blind spots"
      >
        <Box className={classes.form}>
          <TextField
            select
            size="small"
            variant="outlined"
            label="Role"
            value={role}
            onChange={e => {
              setRole(e.target.value);
              setEntityRefs([]);
            }}
            SelectProps={{
              SelectDisplayProps: { 'aria-label': 'Quick assign role' } as any,
            }}
          >
            {(roles ?? []).map(r => (
              <MenuItem key={r.id} value={r.id}>
                {r.title}
              </MenuItem>
            ))}
          </TextField>
          <CatalogRefPicker
            label="Holder"
            kinds={['User', 'Group']}
            value={holderRef}
            onChange={setHolderRef}
            placeholder="Search people and teams"
          />
          <Autocomplete<string, true>
            multiple
            options={options}
            value={entityRefs}
            loading={blindSpots.loading}
            onChange={(_, next) => setEntityRefs(next)}
            getOptionLabel={ref => ref}
            renderOption={ref => (
              <Box>
                <Typography variant="body2">{ref}</Typography>
                {titles.get(ref) && (
                  <Typography variant="caption" color="textSecondary">
                    {titles.get(ref)}
                  </Typography>
                )}
              </Box>
            )}
            renderTags={(tags, getTagProps) =>
              tags.map((tag, index) => {
                const { key, ...tagProps } = getTagProps({ index }) as {
                  key: string;
                };
                return (
                  <Chip key={key} size="small" label={tag} {...tagProps} />
                );
              })
            }
            renderInput={params => (
              <TextField
                {...params}
                label="Blind spots"
                variant="outlined"
                size="small"
                helperText={
                  role
                    ? `${candidates.length} entities lack the ${roleTitle(
                        roles,
                        role,
                      )}`
                    : 'Pick a role to list the entities lacking it'
                }
              />
            )}
          />
          {candidates.length > 0 && (
            <Box mt={-1}>
              <Button
                size="small"
                color="primary"
                onClick={() =>
                  setEntityRefs(
                    Array.from(
                      new Set([
                        ...entityRefs,
                        ...candidates.map(b => b.entityRef),
                      ]),
                    ),
                  )
                }
              >
                Select all {candidates.length}
              </Button>
            </Box>
          )}
          <ChipsInput
            label="Accounts"
            value={accounts}
            onChange={setAccounts}
            placeholder="All accounts; type a name and press Enter"
          />
          <TextField
            id="quick-assign-note"
            label="Note"
            variant="outlined"
            size="small"
            value={note}
            onChange={e => setNote(e.target.value)}
          />
          <Box>
            <Button
              variant="outlined"
              color="primary"
              disabled={!role || !holderRef || entityRefs.length === 0}
              onClick={add}
            >
              Add {entityRefs.length || ''} rows to the import
            </Button>
          </Box>
        </Box>
      </InfoCard>
    </div>
  );
}

/**
 * Bulk assignment from CSV: a dry run shows what would change and which
 * rows are wrong; applying is possible only after a clean dry run of the
 * same CSV and with the permission to change every entity in it.
 */
export function BulkAssignTab(props: {
  roles: FieldRoleType[] | undefined;
  csv: string;
  onCsvChange: (csv: string) => void;
  onAddRows: (rows: FieldRoleImportRow[]) => void;
  preset?: QuickAssignPreset;
}) {
  const { roles, csv, onCsvChange, onAddRows, preset } = props;
  const classes = useStyles();
  const api = useApi(userTrustApiRef);
  const permissionApi = useApi(permissionApiRef);
  const alertApi = useApi(alertApiRef);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<'dry-run' | 'apply'>();
  const [requestError, setRequestError] = useState<string>();

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    onCsvChange(await readText(file));
    setOutcome(undefined);
  };

  const dryRun = async () => {
    setRequestError(undefined);
    const text = csv;
    const parsed = parseImportCsv(text);
    if (parsed.errors.length > 0) {
      setOutcome({ rows: parsed.rows, text, localErrors: parsed.errors });
      return;
    }
    setBusy('dry-run');
    try {
      const result = await api.importFieldRoles(parsed.rows, { dryRun: true });
      let denied: string[] = [];
      if (result.errors.length === 0) {
        const refs = (
          result.changes.length > 0
            ? result.changes.map(c => c.entityRef)
            : parsed.rows.map(r => r.entityRef)
        ).map(
          ref => tryStoredEntityRef(ref, { defaultKind: 'component' }) ?? ref,
        );
        const decisions = await authorizeFieldRoleManagement(
          permissionApi,
          refs,
        );
        denied = Array.from(new Set(refs)).filter(r => !decisions.get(r));
      }
      setOutcome({ rows: parsed.rows, text, result, denied });
    } catch (e) {
      setOutcome(undefined);
      setRequestError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const apply = async () => {
    if (!outcome) return;
    setRequestError(undefined);
    setBusy('apply');
    try {
      const result = await api.importFieldRoles(outcome.rows, {
        dryRun: false,
      });
      setOutcome({ ...outcome, result, denied: [] });
      if (result.applied) {
        alertApi.post({
          message: `Applied ${
            result.changes.filter(c => c.change !== 'unchanged').length
          } field-role changes`,
          severity: 'success',
          display: 'transient',
        });
      }
    } catch (e) {
      setRequestError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const result = outcome?.result;
  const stale = outcome !== undefined && outcome.text !== csv;
  const clean =
    result !== undefined && result.dryRun && result.errors.length === 0;
  const changes = result
    ? result.changes.filter(c => c.change !== 'unchanged').length
    : 0;
  const canApply =
    clean &&
    !stale &&
    !busy &&
    changes > 0 &&
    (outcome?.denied ?? []).length === 0;
  const errors = outcome?.localErrors ?? result?.errors ?? [];

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={8}>
        <InfoCard
          title="Import"
          subheader="Paste CSV or choose a file; accounts separated by ;"
        >
          <TextField
            id="field-roles-import-csv"
            label="CSV"
            multiline
            minRows={8}
            maxRows={24}
            fullWidth
            variant="outlined"
            value={csv}
            onChange={e => onCsvChange(e.target.value)}
            placeholder={`${CSV_HEADER}\ncomponent:default/checkout-api,tam,user:default/rachel.kim,Acme;Globex,EU accounts,2026-03-01`}
            InputProps={{ classes: { input: classes.csv } }}
          />
          <Box className={classes.actions}>
            <Button
              component="label"
              variant="outlined"
              startIcon={<CloudUploadOutlined />}
            >
              Choose CSV file
              <input
                type="file"
                hidden
                accept=".csv,text/csv,text/plain"
                onChange={readFile}
                data-testid="csv-file-input"
              />
            </Button>
            <Box flex={1} />
            <Button
              variant="outlined"
              color="primary"
              disabled={!csv.trim() || Boolean(busy)}
              onClick={dryRun}
            >
              {busy === 'dry-run' ? 'Checking…' : 'Dry run'}
            </Button>
            <Button
              variant="contained"
              color="primary"
              disabled={!canApply}
              onClick={apply}
            >
              {busy === 'apply' ? 'Applying…' : 'Apply'}
            </Button>
          </Box>

          <Box className={classes.results} aria-live="polite">
            {requestError && <Alert severity="error">{requestError}</Alert>}
            {stale && (
              <Alert severity="info">
                The CSV changed since the last run. Run a dry run again before
                applying.
              </Alert>
            )}
            {!stale && outcome?.localErrors && (
              <Alert severity="error">
                {outcome.localErrors.length} problems in the CSV. Fix them and
                run again.
              </Alert>
            )}
            {!stale && result && result.errors.length > 0 && (
              <Alert severity="error">
                {result.errors.length} of {outcome!.rows.length} rows have
                errors; nothing {result.dryRun ? 'can be' : 'was'} written until
                they are fixed.
              </Alert>
            )}
            {!stale && clean && (
              <Alert severity={changes > 0 ? 'success' : 'info'}>
                Dry run: {count(result!, 'create')} to create,{' '}
                {count(result!, 'update')} to update,{' '}
                {count(result!, 'unchanged')} unchanged. Nothing was written
                yet.
              </Alert>
            )}
            {!stale && clean && (outcome?.denied ?? []).length > 0 && (
              <Alert severity="warning">
                You may not change the field roles of{' '}
                {outcome!.denied!.slice(0, 5).join(', ')}
                {outcome!.denied!.length > 5 &&
                  ` and ${outcome!.denied!.length - 5} more`}
                . Ask a platform team to apply this import.
              </Alert>
            )}
            {result && !result.dryRun && result.applied && (
              <Alert severity="success">
                Applied: {count(result, 'create')} created,{' '}
                {count(result, 'update')} updated, {count(result, 'unchanged')}{' '}
                unchanged.
              </Alert>
            )}
            {!stale && errors.length > 0 && (
              <ErrorsTable errors={errors} rows={outcome?.rows ?? []} />
            )}
            {!stale && result && <ChangesTable result={result} roles={roles} />}
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={4}>
        <QuickAssign
          key={preset?.nonce ?? 0}
          roles={roles}
          preset={preset}
          onAdd={rows => {
            onAddRows(rows);
            setOutcome(undefined);
          }}
        />
      </Grid>
    </Grid>
  );
}
