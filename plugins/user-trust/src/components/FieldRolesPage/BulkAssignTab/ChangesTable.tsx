import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  FieldRoleImportResult,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { roleTitle } from '../../common/fieldRoles';
import { useTableStyles } from './useTableStyles';

const CHANGE_LABELS = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
} as const;

/** What an import changes (or would change), a row per CSV row. */
export function ChangesTable(props: {
  result: FieldRoleImportResult;
  roles: FieldRoleType[] | undefined;
}) {
  const { result, roles } = props;
  const classes = useTableStyles();
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
