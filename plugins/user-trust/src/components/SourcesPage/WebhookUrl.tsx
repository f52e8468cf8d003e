import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { CopyableCode } from './CopyableCode';

/**
 * The full URL of a connector's webhook (the plugin's base URL and the
 * connector's path), with a copy button, to paste into the vendor's
 * webhook settings.
 */
export function WebhookUrl(props: { path: string; hint?: string }) {
  const { path, hint } = props;
  const discoveryApi = useApi(discoveryApiRef);
  const { value: baseUrl } = useAsync(
    () => discoveryApi.getBaseUrl('user-trust'),
    [discoveryApi],
  );
  if (!baseUrl) return null;
  return (
    <Box>
      <Typography variant="body2" gutterBottom>
        Nothing has arrived yet. Paste this webhook URL into the service's
        webhook settings:
      </Typography>
      <CopyableCode
        text={`${baseUrl}${path}`}
        copiedText="Webhook URL copied"
        data-testid="webhook-url"
      />
      {hint && (
        <Typography variant="caption" color="textSecondary" component="p">
          {hint}
        </Typography>
      )}
    </Box>
  );
}
