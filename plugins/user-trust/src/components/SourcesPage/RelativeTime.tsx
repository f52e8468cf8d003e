import { formatRelativeTime } from '../EntityUserTrustCard/formatRelativeTime';

/** "5 minutes ago", with the exact time on hover; "never" without one. */
export function RelativeTime(props: { at?: string; never?: string }) {
  const { at, never = 'Never' } = props;
  const date = at ? new Date(at) : undefined;
  if (!at || !date || Number.isNaN(date.getTime())) return <>{never}</>;
  return (
    <time dateTime={at} title={date.toLocaleString()}>
      {formatRelativeTime(date, new Date())}
    </time>
  );
}
