import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  SIGNAL_KIND_LABELS,
  SignalImportResult,
  SignalImportRowError,
  SignalKind,
} from '@user-trust/plugin-user-trust-common';
import { ReactNode } from 'react';
import { formatDateTime } from '../common/format';
import { formatCount } from '../SourcesPage/sourceFormat';

const useStyles = makeStyles(theme => ({
  figureLabel: {
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    fontSize: theme.typography.caption.fontSize,
    color: theme.palette.text.secondary,
  },
  figure: {
    margin: 0,
    fontSize: theme.typography.h6.fontSize,
  },
  bad: {
    color: theme.palette.error.main,
  },
  tableBox: {
    maxHeight: theme.spacing(50),
    overflow: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  rowCell: {
    width: theme.spacing(8),
    whiteSpace: 'nowrap',
  },
  mono: {
    fontFamily: 'monospace',
    overflowWrap: 'anywhere',
  },
  errorCell: {
    color: theme.palette.error.main,
    overflowWrap: 'anywhere',
  },
}));

/** One labelled figure of a dry run or an import. */
function Figure(props: { label: string; bad?: boolean; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Grid item xs={6} sm={4} md={2}>
      <Typography className={classes.figureLabel} component="dt">
        {props.label}
      </Typography>
      <Typography
        component="dd"
        className={`${classes.figure} ${props.bad ? classes.bad : ''}`}
      >
        {props.children}
      </Typography>
    </Grid>
  );
}

/** Rows read, and what the good ones would do (or did). */
export function ImportFigures(props: { result: SignalImportResult }) {
  const { result } = props;
  const done = result.applied;
  return (
    <Grid container spacing={2} component="dl" aria-label="Import figures">
      <Figure label="Rows read">{formatCount(result.rows)}</Figure>
      <Figure label={done ? 'Created' : 'Would create'}>
        {formatCount(result.created)}
      </Figure>
      <Figure label={done ? 'Updated' : 'Would update'}>
        {formatCount(result.updated)}
      </Figure>
      <Figure label="Unchanged">{formatCount(result.unchanged)}</Figure>
      <Figure label="Rows with errors" bad={result.errorCount > 0}>
        {formatCount(result.errorCount)}
      </Figure>
    </Grid>
  );
}

/**
 * The reason of a row error without the `field (column "X"): ` the backend
 * starts it with, as the table shows field and column apart.
 */
export function errorReason(error: SignalImportRowError): string {
  const prefixes = [
    error.column && error.field
      ? `${error.field} (column "${error.column}"): `
      : undefined,
    error.field ? `${error.field}: ` : undefined,
  ];
  for (const prefix of prefixes) {
    if (prefix && error.message.startsWith(prefix)) {
      return error.message.slice(prefix.length);
    }
  }
  return error.message;
}

/** Every listed bad row: row, field, column and reason. */
export function RowErrorsTable(props: { result: SignalImportResult }) {
  const { errors, errorCount } = props.result;
  const classes = useStyles();
  return (
    <Box>
      <Typography variant="h6" component="h3" gutterBottom>
        Rows with errors
      </Typography>
      {errorCount > errors.length && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          The first {formatCount(errors.length)} of {formatCount(errorCount)}{' '}
          errors.
        </Typography>
      )}
      <Box className={classes.tableBox}>
        <Table size="small" stickyHeader aria-label="Rows with errors">
          <TableHead>
            <TableRow>
              <TableCell className={classes.rowCell}>Row</TableCell>
              <TableCell>Field</TableCell>
              <TableCell>Column</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {errors.map((error, index) => (
              <TableRow key={index} data-testid={`import-error-${error.row}`}>
                <TableCell className={classes.rowCell}>
                  {error.row === 0 ? 'File' : formatCount(error.row)}
                </TableCell>
                <TableCell className={classes.mono}>{error.field}</TableCell>
                <TableCell>{error.column}</TableCell>
                <TableCell className={classes.errorCell}>
                  {errorReason(error)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

/** The first good rows as the signals they become. */
export function PreviewTable(props: { result: SignalImportResult }) {
  const { preview } = props.result;
  const classes = useStyles();
  if (preview.length === 0) return null;
  return (
    <Box>
      <Typography variant="h6" component="h3" gutterBottom>
        Preview of the first signals
      </Typography>
      <Box className={classes.tableBox}>
        <Table size="small" aria-label="Preview of the first signals">
          <TableHead>
            <TableRow>
              <TableCell>External id</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Entity</TableCell>
              <TableCell>Occurred</TableCell>
              <TableCell>Severity</TableCell>
              <TableCell>Account</TableCell>
              <TableCell align="right">Value</TableCell>
              <TableCell>Attributes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.map(signal => (
              <TableRow key={signal.externalId}>
                <TableCell className={classes.mono}>
                  {signal.externalId}
                </TableCell>
                <TableCell>
                  {SIGNAL_KIND_LABELS[signal.kind as SignalKind] ?? signal.kind}
                </TableCell>
                <TableCell>
                  <EntityRefLink entityRef={signal.entityRef} />
                </TableCell>
                <TableCell>{formatDateTime(signal.occurredAt)}</TableCell>
                <TableCell>{signal.severity}</TableCell>
                <TableCell>{signal.account}</TableCell>
                <TableCell align="right">{signal.value}</TableCell>
                <TableCell className={classes.mono}>
                  {Object.entries(signal.attributes ?? {})
                    .map(([name, value]) => `${name}=${value}`)
                    .join(', ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}
