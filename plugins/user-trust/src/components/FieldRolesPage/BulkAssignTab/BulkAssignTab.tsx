import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import CloudUploadOutlined from '@material-ui/icons/CloudUploadOutlined';
import {
  FieldRoleImportRow,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { ChangeEvent } from 'react';
import { ImportResults } from './ImportResults';
import { QuickAssign, QuickAssignPreset } from './QuickAssign';
import { readText } from './readText';
import { useFieldRoleImport } from './useFieldRoleImport';
import { CSV_HEADER } from './writeImportCsv';

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
}));

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
  const fieldRoleImport = useFieldRoleImport(csv);
  const { setOutcome, busy, dryRun, apply, canApply } = fieldRoleImport;

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    onCsvChange(await readText(file));
    setOutcome(undefined);
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={8}>
        <InfoCard
          title="Import"
          subheader="Paste CSV with its header line or choose a file; accounts separated by ;"
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

          <ImportResults roles={roles} fieldRoleImport={fieldRoleImport} />
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
