import Typography from '@material-ui/core/Typography';
import { formatRelativeTime } from '../EntityUserTrustCard/formatRelativeTime';

/**
 * "Health as of 5 minutes ago": when the oldest row shown was computed, as
 * the backend evaluates entities in the background.
 */
export function HealthAsOf(props: { oldestEvaluatedAt: string | null }) {
  const { oldestEvaluatedAt } = props;
  if (!oldestEvaluatedAt) return null;
  const date = new Date(oldestEvaluatedAt);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      Health as of{' '}
      <time dateTime={oldestEvaluatedAt} title={date.toLocaleString()}>
        {formatRelativeTime(date, new Date())}
      </time>
    </Typography>
  );
}
