import { Entity } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import {
  FieldRoleAssignment,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { HolderInfo, roleShortName } from '../common/fieldRoles';
import { entityTitle } from './entityTitle';
import { useRemoveFieldRoleHolder } from './useRemoveFieldRoleHolder';

/** Asks before removing a registered holder of a role. */
export function RemoveDialog(props: {
  assignment: FieldRoleAssignment;
  holder: HolderInfo;
  role: FieldRoleType;
  entity: Entity;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { assignment, holder, role, entity, onClose, onRemoved } = props;
  const { remove, busy, error } = useRemoveFieldRoleHolder(
    entity,
    assignment,
    onRemoved,
  );
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>Remove {roleShortName(role)}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Remove {holder.displayName} as {role.title} of {entityTitle(entity)}?
          The change is recorded in the audit log.
        </DialogContentText>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button color="secondary" onClick={remove} disabled={busy}>
          Remove
        </Button>
      </DialogActions>
    </Dialog>
  );
}
