import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Divider from '@material-ui/core/Divider';
import {
  EntityFieldRoles,
  FieldRoleAssignment,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { Fragment, useMemo, useState } from 'react';
import { useHolderInfos } from '../common/fieldRoles';
import { entityTitle } from './entityTitle';
import { FieldRoleEditDialog } from './FieldRoleEditDialog';
import { RemoveDialog } from './RemoveDialog';
import { RoleSection } from './RoleSection';

/** The roles of an entity with their holders, and the edit and remove dialogs. */
export function FieldRolesList(props: {
  entity: Entity;
  fieldRoles: EntityFieldRoles;
  canEdit: boolean;
  reload: () => void;
}) {
  const { entity, fieldRoles, canEdit, reload } = props;
  const alertApi = useApi(alertApiRef);
  const [editing, setEditing] = useState<FieldRoleType>();
  const [removing, setRemoving] = useState<FieldRoleAssignment>();
  const refs = useMemo(
    () => fieldRoles.assignments.map(a => a.holderRef),
    [fieldRoles],
  );
  const holders = useHolderInfos(refs);

  if (holders.loading) {
    return <Progress />;
  }
  if (fieldRoles.roles.length === 0) {
    return (
      <EmptyState
        missing="field"
        title="No field roles configured"
        description="Configure role types such as TAM, CSM or DevRel under userTrust.fieldRoles in app-config."
      />
    );
  }
  const byRole = (id: string) =>
    fieldRoles.assignments.filter(a => a.role === id);
  const labels = (ref: string) => {
    const info = holders.get(ref);
    return info.inCatalog ? info.displayName : undefined;
  };

  return (
    <>
      {fieldRoles.roles.map((role, index) => (
        <Fragment key={role.id}>
          {index > 0 && <Divider />}
          <RoleSection
            entity={entity}
            role={role}
            assignments={byRole(role.id)}
            missing={fieldRoles.missingRequired.includes(role.id)}
            canEdit={canEdit}
            holders={holders.get}
            onEdit={() => setEditing(role)}
            onRemove={setRemoving}
          />
        </Fragment>
      ))}
      {editing && (
        <FieldRoleEditDialog
          open
          entityRef={getCompoundEntityRef(entity)}
          entityTitle={entityTitle(entity)}
          role={editing}
          current={byRole(editing.id)}
          labels={labels}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            alertApi.post({
              message: `Saved the ${editing.title} of ${entityTitle(entity)}`,
              severity: 'success',
              display: 'transient',
            });
            reload();
          }}
        />
      )}
      {removing && (
        <RemoveDialog
          assignment={removing}
          holder={holders.get(removing.holderRef)}
          role={
            fieldRoles.roles.find(r => r.id === removing.role) ?? {
              id: removing.role,
              title: removing.role,
              requiredFor: [],
            }
          }
          entity={entity}
          onClose={() => setRemoving(undefined)}
          onRemoved={() => {
            setRemoving(undefined);
            reload();
          }}
        />
      )}
    </>
  );
}
