import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { ExternalService, SourceStatus, userTrustApiRef } from '../../api';
import { errorMessage } from '../common/errors';
import { CatalogRefPicker } from '../common/fieldRoles';
import { formatCount } from './sourceFormat';

/** The kinds an external service (a PagerDuty service, ...) may map to. */
const MAPPABLE_KINDS = ['component', 'resource', 'system'];

/** What a mapping did, for the page to say. */
export type MappingResult = {
  service: ExternalService;
  entityRef: string;
  attributed: number;
};

/**
 * Maps an external service a connector saw without an entity to a catalog
 * entity, picked by searching the catalog. On success the kept signals are
 * attributed at once; the dialog hands back how many.
 */
export function MapServiceDialog(props: {
  source: SourceStatus;
  service: ExternalService;
  onClose: () => void;
  onMapped: (result: MappingResult) => void;
}) {
  const { source, service, onClose, onMapped } = props;
  const api = useApi(userTrustApiRef);
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const name = service.name ?? service.id;

  const save = async () => {
    if (!entityRef) return;
    setSaving(true);
    setError(undefined);
    try {
      const { attributed } = await api.mapExternalService(source.id, {
        serviceId: service.id,
        ...(service.name ? { serviceName: service.name } : {}),
        entityRef,
      });
      onMapped({ service, entityRef, attributed });
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={saving ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="map-service-title"
    >
      <DialogTitle id="map-service-title">Map {name} to an entity</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {source.title} sent signals for <strong>{name}</strong> ({service.id}
          ), which belongs to no catalog entity.{' '}
          {service.unattributedSignals > 0
            ? `Its ${formatCount(service.unattributedSignals)} kept ${
                service.unattributedSignals === 1 ? 'signal goes' : 'signals go'
              } to the entity you pick, and so do later ones.`
            : 'Its later signals go to the entity you pick.'}
        </DialogContentText>
        <CatalogRefPicker
          label="Entity"
          kinds={MAPPABLE_KINDS}
          value={entityRef}
          onChange={setEntityRef}
          placeholder="Search components, resources and systems"
          size="medium"
        />
        {error && (
          <Alert severity="error" style={{ marginTop: 16 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={!entityRef || saving}
          startIcon={saving ? <CircularProgress size={16} /> : undefined}
        >
          Map
        </Button>
      </DialogActions>
    </Dialog>
  );
}
