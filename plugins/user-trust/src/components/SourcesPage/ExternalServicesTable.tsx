import { Link, Table, TableColumn } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useMemo, useRef } from 'react';
import { ExternalService } from '../../api';
import { RefLink } from '../common/fieldRoles';
import { useTableRows } from '../common/useTableRows';
import { RelativeTime } from './RelativeTime';
import { formatCount } from './sourceFormat';

/**
 * The external services (PagerDuty services, Statuspage components) a
 * connector saw without an entity, with the signals kept for each and,
 * for those allowed, a "Map to entity" action.
 */
export function ExternalServicesTable(props: {
  services: ExternalService[];
  canMap: boolean;
  onMap: (service: ExternalService) => void;
}) {
  const { services, canMap, onMap } = props;
  // The page reads the sources again every few seconds: the same services
  // keep the same rows, so the table keeps its page and search.
  const seen = useRef({ json: '', services });
  const json = JSON.stringify(services);
  if (seen.current.json !== json) seen.current = { json, services };
  const { rows, version } = useTableRows(
    seen.current.services,
    service => service.id,
  );
  // Columns are made once per permission decision (material-table resets
  // and warns when they change under it); the action reads the latest
  // callback through a ref.
  const onMapRef = useRef(onMap);
  onMapRef.current = onMap;
  const columns = useMemo(() => serviceColumns(canMap, onMapRef), [canMap]);
  return (
    <>
      <Typography variant="h6" component="h3">
        Services without an annotation
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        Services that no catalog annotation or configured mapping ties to an
        entity. Their signals are kept, not dropped, and go to the entity once
        the service is mapped here.
      </Typography>
      <Table<ExternalService>
        key={`${version}-${canMap}`}
        columns={columns}
        data={rows}
        options={{
          paging: rows.length > 10,
          pageSize: 10,
          search: false,
          padding: 'dense',
          toolbar: false,
        }}
      />
    </>
  );
}

function serviceColumns(
  canMap: boolean,
  onMapRef: { current: (service: ExternalService) => void },
): TableColumn<ExternalService>[] {
  return [
    {
      title: 'Service',
      field: 'name',
      highlight: true,
      render: service => (
        <>
          {service.url ? (
            <Link to={service.url}>{service.name ?? service.id}</Link>
          ) : (
            service.name ?? service.id
          )}
          {service.name && (
            <Typography variant="caption" color="textSecondary" component="p">
              {service.id}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Kept signals',
      field: 'unattributedSignals',
      type: 'numeric',
      render: service => formatCount(service.unattributedSignals),
    },
    {
      title: 'Last seen',
      field: 'lastSeenAt',
      render: service => <RelativeTime at={service.lastSeenAt} />,
    },
    {
      title: 'Entity',
      field: 'entityRef',
      sorting: false,
      render: service => {
        if (service.entityRef) {
          return <RefLink entityRef={service.entityRef} />;
        }
        if (!canMap) {
          return (
            <Typography variant="body2" color="textSecondary">
              Not mapped
            </Typography>
          );
        }
        return (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            onClick={() => onMapRef.current(service)}
            aria-label={`Map ${service.name ?? service.id} to an entity`}
          >
            Map to entity
          </Button>
        );
      },
    },
  ];
}
