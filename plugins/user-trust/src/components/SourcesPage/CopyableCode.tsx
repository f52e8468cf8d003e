import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  box: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0.5, 0.5, 1.5),
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
  },
  code: {
    flex: 1,
    fontFamily: 'monospace',
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
}));

/** A line to copy (a URL, a command), wrapped, with a copy button. */
export function CopyableCode(props: {
  text: string;
  copiedText?: string;
  'data-testid'?: string;
}) {
  const { text, copiedText = 'Copied' } = props;
  const classes = useStyles();
  return (
    <Box className={classes.box}>
      <Typography
        component="code"
        variant="body2"
        className={classes.code}
        data-testid={props['data-testid']}
      >
        {text}
      </Typography>
      <CopyTextButton text={text} tooltipText={copiedText} />
    </Box>
  );
}
