import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { FieldRoleImportRow } from '@user-trust/plugin-user-trust-common';
import { useTableStyles } from './useTableStyles';

/** The problems of an import, a row per wrong CSV row (0: the header). */
export function ErrorsTable(props: {
  errors: Array<{ row: number; message: string }>;
  rows: FieldRoleImportRow[];
}) {
  const { errors, rows } = props;
  const classes = useTableStyles();
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
