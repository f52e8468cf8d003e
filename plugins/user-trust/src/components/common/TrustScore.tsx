import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityTrustEvaluation } from '@user-trust/plugin-user-trust-common';
import { SloStatusChip } from './SloStatusChip';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
  score: {
    fontWeight: theme.typography.fontWeightBold as number,
    lineHeight: 1,
  },
  outOf: {
    marginLeft: theme.spacing(0.5),
  },
}));

/** Why an entity has no score, in one sentence. */
export function missingScoreExplanation(trust: EntityTrustEvaluation): string {
  return trust.slos.length === 0
    ? 'No score: no user-trust SLO applies to this entity yet.'
    : 'No score yet: none of the SLOs has enough signals to be judged.';
}

/**
 * The trust score (0–100) as a big number with the entity's status; "—"
 * and an explanation when there is no score.
 */
export function TrustScore(props: {
  trust: EntityTrustEvaluation;
  size?: 'medium' | 'large';
  /** Label the number "Trust score" (leave out under such a title). */
  label?: boolean;
}) {
  const { trust, size = 'medium', label = true } = props;
  const classes = useStyles();
  const hasScore = trust.score !== null && Number.isFinite(trust.score);
  return (
    <Box>
      <Box className={classes.root}>
        <Box display="flex" alignItems="baseline">
          <Typography
            variant={size === 'large' ? 'h2' : 'h3'}
            component="span"
            className={classes.score}
            data-testid="trust-score"
            aria-label={
              hasScore
                ? `Trust score ${Math.round(trust.score!)} of 100`
                : 'No trust score'
            }
          >
            {hasScore ? Math.round(trust.score!) : '—'}
          </Typography>
          {hasScore && (
            <Typography
              variant="body2"
              color="textSecondary"
              component="span"
              className={classes.outOf}
            >
              / 100
            </Typography>
          )}
        </Box>
        <SloStatusChip status={trust.status} />
      </Box>
      {(!hasScore || label) && (
        <Typography variant="caption" color="textSecondary" component="p">
          {hasScore ? 'Trust score' : missingScoreExplanation(trust)}
        </Typography>
      )}
    </Box>
  );
}
