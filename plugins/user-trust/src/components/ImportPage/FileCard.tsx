import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InsertDriveFileOutlined from '@material-ui/icons/InsertDriveFileOutlined';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ChangeEvent } from 'react';
import { formatCount } from '../SourcesPage/sourceFormat';
import { formatBytes, ImportFormat } from './importFile';
import { SignalImport } from './useSignalImport';

const useStyles = makeStyles(theme => ({
  fileRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  fileName: {
    fontWeight: theme.typography.fontWeightMedium as number,
    overflowWrap: 'anywhere',
  },
  status: {
    marginTop: theme.spacing(2),
  },
  columns: {
    overflowWrap: 'anywhere',
  },
}));

/**
 * The file to import (CSV or JSON, read in the browser) and the source its
 * signals are stored under, with the saved mappings' sources to pick from.
 */
export function FileCard(props: {
  signalImport: SignalImport;
  canImport: boolean;
}) {
  const { signalImport, canImport } = props;
  const { file, source, setSource, savedMappings, columns, busy } =
    signalImport;
  const classes = useStyles();
  const disabled = !canImport || busy === 'importing';

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (chosen) signalImport.chooseFile(chosen);
  };

  const sources = (savedMappings.value?.items ?? []).map(item => item.source);

  return (
    <InfoCard
      title="File"
      subheader="A CSV or JSON export of a CRM, a survey tool or a spreadsheet"
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <Box className={classes.fileRow}>
            <Button
              component="label"
              variant="outlined"
              color="primary"
              startIcon={<InsertDriveFileOutlined />}
              disabled={disabled}
            >
              Choose file
              <input
                type="file"
                hidden
                disabled={disabled}
                accept=".csv,.tsv,.json,text/csv,application/json,text/plain"
                onChange={onFile}
                data-testid="import-file-input"
              />
            </Button>
            {file ? (
              <>
                <Typography
                  className={classes.fileName}
                  data-testid="file-name"
                >
                  {file.name}{' '}
                  <Typography
                    component="span"
                    variant="body2"
                    color="textSecondary"
                  >
                    ({formatBytes(file.size)})
                  </Typography>
                </Typography>
                <TextField
                  select
                  size="small"
                  variant="outlined"
                  label="Format"
                  value={file.format}
                  disabled={disabled}
                  onChange={e =>
                    signalImport.setFormat(e.target.value as ImportFormat)
                  }
                  SelectProps={{ native: true }}
                >
                  <option value="csv">CSV</option>
                  <option value="json">JSON array</option>
                </TextField>
              </>
            ) : (
              <Typography variant="body2" color="textSecondary">
                CSV with a header line (comma, semicolon or tab separated) or a
                JSON array of flat objects, UTF-8
              </Typography>
            )}
          </Box>
        </Grid>
        <Grid item xs={12} md={5}>
          <Autocomplete
            freeSolo
            options={sources}
            inputValue={source}
            disabled={disabled}
            onInputChange={(_, value) => setSource(value)}
            renderInput={params => (
              <TextField
                {...params}
                label="Source"
                variant="outlined"
                size="small"
                required
                placeholder="crm-export"
                helperText={
                  sources.length > 0
                    ? 'A saved source brings its column mapping; the same row under the same source is stored once'
                    : 'Stored with every signal, e.g. crm-export; the same row under the same source is stored once'
                }
              />
            )}
          />
        </Grid>
      </Grid>
      <Box className={classes.status} aria-live="polite">
        {signalImport.fileError && (
          <Alert severity="error">{signalImport.fileError}</Alert>
        )}
        {signalImport.learning && (
          <>
            <Typography variant="body2" gutterBottom>
              Reading the file's columns…
            </Typography>
            <LinearProgress aria-label="Reading the file" />
          </>
        )}
        {signalImport.learnError && (
          <Alert severity="error">
            The file cannot be imported: {signalImport.learnError}
          </Alert>
        )}
        {file && columns && !signalImport.learning && (
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.columns}
            data-testid="file-columns"
          >
            {formatCount(columns.length)} columns: {columns.join(', ')}
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
}
