import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  FieldRoleImportRow,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import {
  CatalogRefPicker,
  ChipsInput,
  roleTitle,
} from '../../common/fieldRoles';
import { useBlindSpots } from '../BlindSpotsTab';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'grid',
    gap: theme.spacing(2),
  },
}));

/** Blind-spot entities handed over from the blind-spots tab. */
export type QuickAssignPreset = {
  entityRefs: string[];
  role: string;
  /** Changes with every hand-over, to reset the form. */
  nonce: number;
};

/** Builds import rows: one holder in one role for several blind spots. */
export function QuickAssign(props: {
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
