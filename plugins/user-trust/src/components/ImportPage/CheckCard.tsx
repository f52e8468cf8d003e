import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloudUploadOutlined from '@material-ui/icons/CloudUploadOutlined';
import PlaylistAddCheck from '@material-ui/icons/PlaylistAddCheck';
import Alert from '@material-ui/lab/Alert';
import { SignalImportProgress } from '@user-trust/plugin-user-trust-common';
import { formatCount } from '../SourcesPage/sourceFormat';
import { FIELD_INFO, missingFields } from './importMapping';
import { ImportFigures, PreviewTable, RowErrorsTable } from './ImportResults';
import { SignalImport } from './useSignalImport';

const useStyles = makeStyles(theme => ({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  results: {
    marginTop: theme.spacing(3),
    display: 'grid',
    gap: theme.spacing(3),
  },
  progress: {
    height: 8,
    borderRadius: 4,
  },
}));

/** How far the import has got: a bar that fills as rows are written. */
function ImportProgress(props: { progress?: SignalImportProgress }) {
  const { progress } = props;
  const classes = useStyles();
  const known = progress !== undefined && progress.total > 0;
  const percent = known
    ? Math.min(100, (progress.done / progress.total) * 100)
    : undefined;
  const verb =
    (progress?.phase as string | undefined) === 'checking'
      ? 'Checked'
      : 'Written';
  return (
    <Box>
      <Typography variant="body2" gutterBottom>
        {known
          ? `${verb} ${formatCount(progress.done)} of ${formatCount(
              progress.total,
            )} rows (${Math.floor(percent!)} %)`
          : 'Importing…'}
      </Typography>
      <LinearProgress
        className={classes.progress}
        variant={percent !== undefined ? 'determinate' : 'indeterminate'}
        value={percent}
        aria-label="Import progress"
      />
    </Box>
  );
}

/**
 * The dry run and the import: what the file would do (rows, creates,
 * updates, every bad row, a preview), then the import of all rows in one
 * transaction with its progress and result. Importing needs a dry run of
 * the same file, source and mapping without errors.
 */
export function CheckCard(props: {
  signalImport: SignalImport;
  canImport: boolean;
}) {
  const { signalImport, canImport } = props;
  const {
    file,
    source,
    mapping,
    busy,
    check,
    checkStale,
    checkError,
    outcome,
    importError,
  } = signalImport;
  const classes = useStyles();
  const missing = missingFields(mapping);
  const current = check && !checkStale ? check : undefined;
  const rows = current?.rows ?? 0;

  return (
    <InfoCard
      title="Check and import"
      subheader="A dry run reads every row as ingestion would and writes nothing; the import writes all rows or none"
    >
      <Box className={classes.actions}>
        <Button
          variant="outlined"
          color="primary"
          startIcon={<PlaylistAddCheck />}
          disabled={!signalImport.canCheck}
          onClick={signalImport.runCheck}
        >
          {busy === 'checking' ? 'Checking…' : 'Check file (dry run)'}
        </Button>
        {canImport && (
          <Button
            variant="contained"
            color="primary"
            startIcon={<CloudUploadOutlined />}
            disabled={!signalImport.canRunImport}
            onClick={signalImport.runImport}
          >
            {busy === 'importing'
              ? 'Importing…'
              : `Import ${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`}
          </Button>
        )}
        {file && !source.trim() && (
          <Typography variant="body2" color="textSecondary">
            Name the source to check the file.
          </Typography>
        )}
      </Box>

      <Box className={classes.results} aria-live="polite">
        {missing.length > 0 && (
          <Alert severity="info">
            Map a column or set a constant for{' '}
            {missing.map(field => FIELD_INFO[field].label).join(', ')}.
          </Alert>
        )}
        {checkError && (
          <Alert severity="error">The dry run failed: {checkError}</Alert>
        )}
        {checkStale && (
          <Alert severity="info">
            The file, source or mapping changed since the last dry run. Check
            the file again before importing.
          </Alert>
        )}
        {busy === 'importing' && (
          <ImportProgress progress={signalImport.progress} />
        )}
        {importError && (
          <Alert severity="error">
            The import failed and nothing was written: {importError}
          </Alert>
        )}
        {outcome && (
          <Alert severity="success" data-testid="import-outcome">
            Imported {formatCount(outcome.result.rows)} rows of{' '}
            {outcome.fileName} as {outcome.source}:{' '}
            {formatCount(outcome.result.created)} created,{' '}
            {formatCount(outcome.result.updated)} updated,{' '}
            {formatCount(outcome.result.unchanged)} unchanged.
            {outcome.entityRef && (
              <>
                {' '}
                See them on <EntityRefLink entityRef={outcome.entityRef} />.
              </>
            )}
          </Alert>
        )}
        {outcome && <ImportFigures result={outcome.result} />}
        {!outcome && current && (
          <>
            {current.errorCount > 0 ? (
              <Alert severity="error">
                {formatCount(current.errorCount)} of {formatCount(current.rows)}{' '}
                rows have errors. Nothing can be imported until they are fixed
                in the file or the mapping.
              </Alert>
            ) : (
              <Alert severity={current.rows > 0 ? 'success' : 'warning'}>
                {current.rows > 0
                  ? `Dry run: all ${formatCount(
                      current.rows,
                    )} rows are good. Nothing was written yet.`
                  : 'The file has no data rows.'}
              </Alert>
            )}
            <ImportFigures result={current} />
            {current.errors.length > 0 && <RowErrorsTable result={current} />}
            <PreviewTable result={current} />
          </>
        )}
      </Box>
    </InfoCard>
  );
}
