import { makeStyles } from '@material-ui/core/styles';

/** The styles of the changes and errors tables. */
export const useTableStyles = makeStyles(theme => ({
  tableBox: {
    maxHeight: theme.spacing(50),
    overflow: 'auto',
  },
  mono: {
    fontFamily: 'monospace',
    overflowWrap: 'anywhere',
  },
  errorCell: {
    color: theme.palette.error.main,
  },
  rowCell: {
    width: theme.spacing(8),
    whiteSpace: 'nowrap',
  },
}));
