import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import GetApp from '@material-ui/icons/GetApp';
import {
  HealthFilter,
  HealthSortField,
} from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import { userTrustApiRef } from '../../api';
import { errorMessage } from '../common/errors';
import { downloadText } from './downloadText';

export const EXPORT_FILE_NAME = 'user-trust-health.csv';

/**
 * Downloads every row matching the filters, in the list's order, as CSV.
 * The backend builds the file, so it is not limited to the page shown.
 */
export function ExportCsvButton(props: {
  filter: HealthFilter;
  sort: HealthSortField;
  order: 'asc' | 'desc';
}) {
  const { filter, sort, order } = props;
  const api = useApi(userTrustApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const exportCsv = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const csv = await api.exportHealthCsv({ ...filter, sort, order });
      if (!downloadText(EXPORT_FILE_NAME, csv, 'text/csv;charset=utf-8')) {
        setError('This browser cannot save files.');
      }
    } catch (e) {
      setError(`Export failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      <Button
        variant="outlined"
        color="primary"
        startIcon={
          busy ? <CircularProgress size={16} color="inherit" /> : <GetApp />
        }
        disabled={busy}
        onClick={exportCsv}
      >
        Export CSV
      </Button>
      {error && (
        <Typography variant="body2" color="error" role="alert">
          {error}
        </Typography>
      )}
    </Box>
  );
}
