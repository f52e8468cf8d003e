import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  chip: {
    margin: 0,
  },
}));

/** The customer accounts of an assignment; none means all accounts. */
export function AccountChips(props: { accounts: string[] }) {
  const { accounts } = props;
  const classes = useStyles();
  return (
    <Box className={classes.chips} component="span">
      {accounts.length === 0 ? (
        <Chip
          size="small"
          variant="outlined"
          className={classes.chip}
          label="all accounts"
        />
      ) : (
        accounts.map(account => (
          <Chip
            key={account}
            size="small"
            className={classes.chip}
            label={account}
          />
        ))
      )}
    </Box>
  );
}
