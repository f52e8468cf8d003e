import { EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CopyableCode } from './CopyableCode';

const PACKAGE = '@user-trust/plugin-user-trust-backend-module-pagerduty';

/**
 * No connector installed: what connectors do and how to add one (the
 * PagerDuty module as the example; the README's "Connectors" section has
 * the others and their configuration).
 */
export function NoConnectors() {
  return (
    <EmptyState
      missing="data"
      title="No connector installed"
      description="Connectors bring signals from the tools your company already runs — PagerDuty incidents, Statuspage incidents — onto service pages. Each is a backend module: install it, configure its secret, and paste the webhook URL this page then shows into the tool."
      action={
        <Box maxWidth={720}>
          <Typography variant="body1" gutterBottom>
            Add the PagerDuty module to your Backstage backend:
          </Typography>
          <CopyableCode
            text={`yarn --cwd packages/backend add ${PACKAGE}`}
            data-testid="install-command"
          />
          <Typography variant="body1" gutterBottom style={{ marginTop: 16 }}>
            then register it in <code>packages/backend/src/index.ts</code>:
          </Typography>
          <CopyableCode
            text={`backend.add(import('${PACKAGE}'));`}
            data-testid="install-command"
          />
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ marginTop: 16 }}
          >
            The User Trust README's “Connectors” section lists every connector,
            its configuration (webhook secrets, API tokens) and the catalog
            annotation that maps its services to entities.
          </Typography>
        </Box>
      }
    />
  );
}
