import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  Avatar,
  EmptyState,
  InfoCard,
  InfoCardVariants,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Divider from '@material-ui/core/Divider';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemAvatar from '@material-ui/core/ListItemAvatar';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DeleteOutline from '@material-ui/icons/DeleteOutline';
import EditOutlined from '@material-ui/icons/EditOutlined';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import PersonAddOutlined from '@material-ui/icons/PersonAddOutlined';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import Alert from '@material-ui/lab/Alert';
import {
  EntityFieldRoles,
  FieldRoleAssignment,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { Fragment, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { userTrustApiRef } from '../../api';
import { errorMessage } from '../common/errors';
import {
  AccountChips,
  CatalogSourceBadge,
  describeRequirement,
  HolderInfo,
  RefLink,
  roleShortName,
  useHolderInfos,
} from '../common/fieldRoles';
import { useCanManageFieldRoles } from '../common/permissions';
import { formatDay } from '../common/format';
import { FieldRoleEditDialog } from './FieldRoleEditDialog';

const useStyles = makeStyles(theme => ({
  section: {
    padding: theme.spacing(1.5, 0),
  },
  sectionHeader: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    minHeight: theme.spacing(4),
  },
  roleTitle: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  infoIcon: {
    fontSize: theme.typography.body2.fontSize,
    color: theme.palette.text.secondary,
  },
  spacer: {
    flex: 1,
  },
  avatar: {
    width: theme.spacing(4.5),
    height: theme.spacing(4.5),
    fontSize: theme.typography.body2.fontSize,
  },
  listItemAvatar: {
    minWidth: theme.spacing(6),
    marginTop: theme.spacing(0.5),
  },
  holderItem: {
    paddingTop: theme.spacing(0.5),
    paddingBottom: theme.spacing(0.5),
  },
  holderName: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  details: {
    display: 'grid',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.25),
  },
  note: {
    fontStyle: 'italic',
    overflowWrap: 'anywhere',
  },
  none: {
    paddingLeft: theme.spacing(0.25),
  },
  missing: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
  },
  missingIcon: {
    // Status semantics: the theme's warning (orange) colour.
    color: theme.palette.status?.warning ?? theme.palette.warning.main,
  },
  missingText: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
}));

function entityTitle(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

function HolderItem(props: {
  assignment: FieldRoleAssignment;
  holder: HolderInfo;
  onRemove?: () => void;
  roleTitle: string;
}) {
  const { assignment, holder, onRemove, roleTitle } = props;
  const classes = useStyles();
  const facts = [
    holder.email && (
      <Link key="email" to={`mailto:${holder.email}`}>
        {holder.email}
      </Link>
    ),
    assignment.since && (
      <span
        key="since"
        title={
          assignment.registeredBy
            ? `Registered by ${assignment.registeredBy}`
            : undefined
        }
      >
        since {formatDay(assignment.since)}
      </span>
    ),
    holder.kind === 'group' && <span key="group">group</span>,
  ].filter(Boolean);
  return (
    <ListItem
      disableGutters
      alignItems="flex-start"
      className={classes.holderItem}
      data-testid={`holder-${assignment.holderRef}`}
    >
      <ListItemAvatar className={classes.listItemAvatar}>
        <Avatar
          displayName={holder.displayName}
          picture={holder.picture}
          classes={{ avatar: classes.avatar }}
        />
      </ListItemAvatar>
      <ListItemText
        disableTypography
        primary={
          <Box className={classes.holderName}>
            <Typography variant="body2" component="span">
              <RefLink entityRef={assignment.holderRef} defaultKind="user">
                {holder.displayName}
              </RefLink>
            </Typography>
            {assignment.source === 'catalog' && (
              <CatalogSourceBadge role={assignment.role} />
            )}
          </Box>
        }
        secondary={
          <Box className={classes.details}>
            {facts.length > 0 && (
              <Typography variant="body2" color="textSecondary">
                {facts.map((fact, i) => (
                  <Fragment key={i}>
                    {i > 0 && ' · '}
                    {fact}
                  </Fragment>
                ))}
              </Typography>
            )}
            <AccountChips accounts={assignment.accounts} />
            {assignment.note && (
              <Typography
                variant="caption"
                color="textSecondary"
                className={classes.note}
              >
                {assignment.note}
              </Typography>
            )}
          </Box>
        }
      />
      {onRemove && (
        <ListItemSecondaryAction>
          <Tooltip title="Remove">
            <IconButton
              size="small"
              edge="end"
              aria-label={`Remove ${holder.displayName} as ${roleTitle}`}
              onClick={onRemove}
            >
              <DeleteOutline fontSize="small" />
            </IconButton>
          </Tooltip>
        </ListItemSecondaryAction>
      )}
    </ListItem>
  );
}

function RoleSection(props: {
  entity: Entity;
  role: FieldRoleType;
  assignments: FieldRoleAssignment[];
  missing: boolean;
  canEdit: boolean;
  holders: (ref: string) => HolderInfo;
  onEdit: () => void;
  onRemove: (assignment: FieldRoleAssignment) => void;
}) {
  const { entity, role, assignments, missing, canEdit, holders } = props;
  const { onEdit, onRemove } = props;
  const classes = useStyles();
  const title = (
    <Typography
      variant="body2"
      component="h3"
      className={classes.roleTitle}
      id={`field-role-title-${role.id}`}
    >
      {role.title}
    </Typography>
  );
  return (
    <Box
      component="section"
      className={classes.section}
      data-testid={`field-role-${role.id}`}
      aria-labelledby={`field-role-title-${role.id}`}
    >
      <Box className={classes.sectionHeader}>
        {title}
        {role.description && (
          <Tooltip title={role.description}>
            <InfoOutlined
              className={classes.infoIcon}
              aria-label={role.description}
              aria-hidden={false}
              role="img"
            />
          </Tooltip>
        )}
        <span className={classes.spacer} />
        {canEdit && (
          <Button
            size="small"
            color="primary"
            startIcon={
              assignments.length > 0 ? <EditOutlined /> : <PersonAddOutlined />
            }
            onClick={onEdit}
            aria-label={`${assignments.length > 0 ? 'Edit' : 'Assign'} ${
              role.title
            }`}
          >
            {assignments.length > 0 ? 'Edit' : 'Assign'}
          </Button>
        )}
      </Box>
      {missing && (
        <Box className={classes.missing}>
          <ReportProblemOutlined
            className={classes.missingIcon}
            fontSize="small"
          />
          <Typography variant="body2" className={classes.missingText}>
            No {roleShortName(role)} — {describeRequirement(role, entity)}
          </Typography>
        </Box>
      )}
      {assignments.length > 0 ? (
        <List dense disablePadding>
          {assignments.map(a => (
            <HolderItem
              key={`${a.source}:${a.holderRef}`}
              assignment={a}
              holder={holders(a.holderRef)}
              roleTitle={role.title}
              onRemove={
                canEdit && a.source === 'registry'
                  ? () => onRemove(a)
                  : undefined
              }
            />
          ))}
        </List>
      ) : (
        !missing && (
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.none}
          >
            Nobody assigned
          </Typography>
        )
      )}
    </Box>
  );
}

function RemoveDialog(props: {
  assignment: FieldRoleAssignment;
  holder: HolderInfo;
  role: FieldRoleType;
  entity: Entity;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { assignment, holder, role, entity, onClose, onRemoved } = props;
  const api = useApi(userTrustApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.removeEntityFieldRoleHolder(
        getCompoundEntityRef(entity),
        assignment.role,
        assignment.holderRef,
      );
      onRemoved();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
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

function FieldRolesList(props: {
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

/**
 * Card for entity pages, next to the owner: the people at the edge of the
 * service — TAM, CSM, DevRel, support lead — with their accounts, and the
 * required roles nobody holds. Those allowed to manage field roles of the
 * entity can assign, change and remove holders here.
 *
 * @public
 */
export function EntityFieldRolesCard(props: {
  title?: string;
  variant?: InfoCardVariants;
}) {
  const { title = 'Field roles', variant } = props;
  const { entity } = useEntity();
  const api = useApi(userTrustApiRef);
  const compound = getCompoundEntityRef(entity);
  const ref = stringifyEntityRef(entity);
  const permission = useCanManageFieldRoles(ref);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityFieldRoles(compound),
    [api, ref],
  );

  let content;
  if (loading && !value) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ResponseErrorPanel error={error} title="Could not load field roles" />
    );
  } else if (value) {
    content = (
      <FieldRolesList
        entity={entity}
        fieldRoles={value}
        canEdit={!permission.loading && permission.allowed}
        reload={retry}
      />
    );
  }

  return (
    <InfoCard
      title={title}
      subheader="The people at the edge of this service"
      variant={variant}
    >
      {content}
    </InfoCard>
  );
}
