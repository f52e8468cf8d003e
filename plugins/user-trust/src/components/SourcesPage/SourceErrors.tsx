import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SourceStatus } from '../../api';
import { formatDateTime } from '../common/format';
import { RelativeTime } from './RelativeTime';
import { ERROR_CONTEXT_LABELS } from './sourceFormat';

const useStyles = makeStyles(theme => ({
  item: {
    paddingLeft: 0,
    paddingRight: 0,
    borderLeft: `3px solid ${theme.palette.error.main}`,
    paddingInlineStart: theme.spacing(1.5),
    marginBottom: theme.spacing(1),
  },
  message: {
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
}));

/** The latest errors of a connector, newest first: when, where and what. */
export function SourceErrors(props: { errors: SourceStatus['errors'] }) {
  const { errors } = props;
  const classes = useStyles();
  if (errors.length === 0) return null;
  return (
    <>
      <Typography variant="h6" component="h3">
        Latest errors
      </Typography>
      <List dense aria-label="Latest errors">
        {errors.map((error, index) => (
          <ListItem key={`${error.at}-${index}`} className={classes.item}>
            <ListItemText
              primary={error.message}
              primaryTypographyProps={{ className: classes.message }}
              secondary={
                <>
                  {ERROR_CONTEXT_LABELS[error.context] ?? error.context} ·{' '}
                  <RelativeTime at={error.at} /> ({formatDateTime(error.at)})
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
