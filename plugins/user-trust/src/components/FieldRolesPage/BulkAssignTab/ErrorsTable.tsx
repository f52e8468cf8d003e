import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useTableStyles } from './useTableStyles';
import { sourceLine } from './writeImportCsv';

/**
 * The problems of an import as the backend reports them, numbered by data
 * row (header not counted), each with the CSV line the row starts on.
 */
export function ErrorsTable(props: {
  errors: Array<{ row: number; message: string }>;
  /** The CSV the errors are of. */
  text: string;
}) {
  const { errors, text } = props;
  const classes = useTableStyles();
  return (
    <Box className={classes.tableBox}>
      <Table size="small" stickyHeader aria-label="Errors">
        <TableHead>
          <TableRow>
            <TableCell className={classes.rowCell}>Row</TableCell>
            <TableCell>CSV line</TableCell>
            <TableCell>Problem</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {errors.map(e => (
            <TableRow
              key={`${e.row}:${e.message}`}
              data-testid={`error-row-${e.row}`}
            >
              <TableCell className={classes.rowCell}>{e.row}</TableCell>
              <TableCell className={classes.mono}>
                {sourceLine(text, e.row) ?? ''}
              </TableCell>
              <TableCell className={classes.errorCell}>{e.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
