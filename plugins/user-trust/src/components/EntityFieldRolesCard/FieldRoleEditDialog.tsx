import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Divider from '@material-ui/core/Divider';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import CloseIcon from '@material-ui/icons/Close';
import Alert from '@material-ui/lab/Alert';
import {
  FieldRoleAssignment,
  FieldRoleType,
  PutFieldRoleRequest,
} from '@user-trust/plugin-user-trust-common';
import { Fragment, useState } from 'react';
import { userTrustApiRef } from '../../api';
import { errorMessage } from '../common/errors';
import { CatalogRefPicker, ChipsInput } from '../common/fieldRoles';

const useStyles = makeStyles(theme => ({
  holder: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: theme.spacing(1.5),
    alignItems: 'start',
    padding: theme.spacing(1.5, 0),
  },
  fields: {
    display: 'grid',
    gap: theme.spacing(1.5),
  },
  hint: {
    marginBottom: theme.spacing(1),
  },
}));

type HolderRow = {
  key: number;
  ref: string | null;
  accounts: string[];
  note: string;
  since?: string;
};

let nextKey = 1;

function rowOf(assignment?: FieldRoleAssignment): HolderRow {
  return {
    key: nextKey++,
    ref: assignment?.holderRef ?? null,
    accounts: assignment?.accounts ?? [],
    note: assignment?.note ?? '',
    since: assignment?.since || undefined,
  };
}

/** The PUT body of the rows; holders without a ref are left out. */
export function toRequest(rows: HolderRow[]): PutFieldRoleRequest {
  return {
    holders: rows
      .filter(row => row.ref)
      .map(row => ({
        ref: row.ref!,
        accounts: row.accounts,
        ...(row.note.trim() ? { note: row.note.trim() } : {}),
        ...(row.since ? { since: row.since } : {}),
      })),
  };
}

/**
 * Sets the holders of one role of an entity: people or groups from the
 * catalog, each with optional accounts and a note. Saving replaces the
 * role's registry holders.
 */
export function FieldRoleEditDialog(props: {
  open: boolean;
  entityRef: CompoundEntityRef;
  entityTitle: string;
  role: FieldRoleType;
  current: FieldRoleAssignment[];
  labels: (ref: string) => string | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { open, entityRef, entityTitle, role, current, labels } = props;
  const { onClose, onSaved } = props;
  const classes = useStyles();
  const api = useApi(userTrustApiRef);
  const [rows, setRows] = useState<HolderRow[]>(() =>
    current.length > 0 ? current.map(rowOf) : [rowOf()],
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const fromCatalog = current.some(a => a.source === 'catalog');
  const refs = rows.map(r => r.ref).filter((r): r is string => Boolean(r));
  const duplicate = refs.find((ref, i) => refs.indexOf(ref) !== i);

  const update = (key: number, change: Partial<HolderRow>) =>
    setRows(prev => prev.map(r => (r.key === key ? { ...r, ...change } : r)));

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api.setEntityFieldRole(entityRef, role.id, toRequest(rows));
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={saving ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="field-role-edit-title"
    >
      <DialogTitle id="field-role-edit-title">
        {role.title} of {entityTitle}
      </DialogTitle>
      <DialogContent dividers>
        {role.description && (
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.hint}
          >
            {role.description}
          </Typography>
        )}
        {fromCatalog && (
          <Alert severity="info" className={classes.hint}>
            These holders come from the entity's catalog annotation. Saving
            registers them here, and the registry then takes precedence over the
            annotation for this role.
          </Alert>
        )}
        {rows.map((row, index) => (
          <Fragment key={row.key}>
            {index > 0 && <Divider />}
            <Box className={classes.holder} data-testid={`holder-row-${index}`}>
              <Box className={classes.fields}>
                <CatalogRefPicker
                  label="Person or group"
                  kinds={['User', 'Group']}
                  value={row.ref}
                  onChange={ref => update(row.key, { ref })}
                  placeholder="Search the catalog"
                  labels={labels}
                />
                <ChipsInput
                  label="Accounts"
                  value={row.accounts}
                  onChange={accounts => update(row.key, { accounts })}
                  placeholder="All accounts; type a name and press Enter"
                />
                <TextField
                  id={`field-role-holder-note-${row.key}`}
                  label="Note"
                  variant="outlined"
                  size="small"
                  value={row.note}
                  onChange={e => update(row.key, { note: e.target.value })}
                  inputProps={{ maxLength: 500 }}
                />
              </Box>
              <IconButton
                size="small"
                aria-label={`Remove holder ${index + 1}`}
                onClick={() =>
                  setRows(prev => prev.filter(r => r.key !== row.key))
                }
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            </Box>
          </Fragment>
        ))}
        <Button
          size="small"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => setRows(prev => [...prev, rowOf()])}
        >
          Add holder
        </Button>
        {duplicate && (
          <Alert severity="warning" className={classes.hint}>
            {labels(duplicate) ?? duplicate} is listed twice.
          </Alert>
        )}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={saving || refs.length === 0 || Boolean(duplicate)}
        >
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
