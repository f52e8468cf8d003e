import { Avatar, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import ListItem from '@material-ui/core/ListItem';
import ListItemAvatar from '@material-ui/core/ListItemAvatar';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DeleteOutline from '@material-ui/icons/DeleteOutline';
import { FieldRoleAssignment } from '@user-trust/plugin-user-trust-common';
import { Fragment } from 'react';
import {
  AccountChips,
  CatalogSourceBadge,
  HolderInfo,
  RefLink,
} from '../common/fieldRoles';
import { formatDay } from '../common/format';

const useStyles = makeStyles(theme => ({
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
}));

/** One holder of a role: avatar, link, facts, accounts and note. */
export function HolderItem(props: {
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
