import { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import EditOutlined from '@material-ui/icons/EditOutlined';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import PersonAddOutlined from '@material-ui/icons/PersonAddOutlined';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import {
  FieldRoleAssignment,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import {
  describeRequirement,
  HolderInfo,
  roleShortName,
} from '../common/fieldRoles';
import { HolderItem } from './HolderItem';

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

/** One role type of the card: its title, its holders, or who is missing. */
export function RoleSection(props: {
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
