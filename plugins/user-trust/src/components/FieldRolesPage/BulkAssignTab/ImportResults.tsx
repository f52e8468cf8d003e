import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  FieldRoleImportResult,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { ChangesTable } from './ChangesTable';
import { ErrorsTable } from './ErrorsTable';
import { FieldRoleImport, importedRowCount } from './useFieldRoleImport';

const useStyles = makeStyles(theme => ({
  results: {
    marginTop: theme.spacing(2),
    display: 'grid',
    gap: theme.spacing(2),
  },
}));

function count(result: FieldRoleImportResult, change: string) {
  return result.changes.filter(c => c.change === change).length;
}

/**
 * What the last dry run or import found: the request error, a summary, the
 * entities one may not change, and the errors and changes tables.
 */
export function ImportResults(props: {
  roles: FieldRoleType[] | undefined;
  fieldRoleImport: FieldRoleImport;
}) {
  const { roles, fieldRoleImport } = props;
  const { outcome, requestError, result, stale, clean, changes, errors } =
    fieldRoleImport;
  const classes = useStyles();
  return (
    <Box className={classes.results} aria-live="polite">
      {requestError && <Alert severity="error">{requestError}</Alert>}
      {stale && (
        <Alert severity="info">
          The CSV changed since the last run. Run a dry run again before
          applying.
        </Alert>
      )}
      {!stale && result && result.errors.length > 0 && (
        <Alert severity="error">
          {new Set(result.errors.map(e => e.row)).size} of{' '}
          {importedRowCount(result)} rows have errors; nothing{' '}
          {result.dryRun ? 'can be' : 'was'} written until they are fixed.
        </Alert>
      )}
      {!stale && clean && (
        <Alert severity={changes > 0 ? 'success' : 'info'}>
          Dry run: {count(result!, 'create')} to create,{' '}
          {count(result!, 'update')} to update, {count(result!, 'unchanged')}{' '}
          unchanged. Nothing was written yet.
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
          Applied: {count(result, 'create')} created, {count(result, 'update')}{' '}
          updated, {count(result, 'unchanged')} unchanged.
        </Alert>
      )}
      {!stale && errors.length > 0 && (
        <ErrorsTable errors={errors} text={outcome?.text ?? ''} />
      )}
      {!stale && result && <ChangesTable result={result} roles={roles} />}
    </Box>
  );
}
