import { Avatar, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { FieldRoleType } from '@user-trust/plugin-user-trust-common';
import { ReactNode, useMemo } from 'react';
import useLatest from 'react-use/esm/useLatest';
import { HolderInfo, RefLink } from '../common/fieldRoles';

/** Page size of the paged tables. */
export const PAGE_SIZE = 20;

export const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  filter: {
    width: theme.spacing(32),
    maxWidth: '100%',
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  chip: {
    margin: 0,
  },
  inline: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  plainList: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  changed: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  holder: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  avatar: {
    width: theme.spacing(3.5),
    height: theme.spacing(3.5),
    fontSize: theme.typography.caption.fontSize,
  },
  secondary: {
    display: 'block',
    overflowWrap: 'anywhere',
  },
}));

/**
 * The columns of a table that shows role titles. Made once: the cells read
 * the role types when they render, so the columns stay the same when the
 * types have loaded (new columns reset the table's state and warn in
 * development).
 */
export function useRoleColumns<T extends object>(
  roles: FieldRoleType[] | undefined,
  make: (currentRoles: () => FieldRoleType[] | undefined) => TableColumn<T>[],
): TableColumn<T>[] {
  const latestRoles = useLatest(roles);
  // `make` is a new function each render; the columns it makes are not.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => make(() => latestRoles.current), [latestRoles]);
}

/** Filter by one role type; empty means all. */
export function RoleFilter(props: {
  roles: FieldRoleType[] | undefined;
  value: string;
  onChange: (role: string) => void;
  label?: string;
  allLabel?: string;
}) {
  const {
    roles,
    value,
    onChange,
    label = 'Role',
    allLabel = 'All roles',
  } = props;
  const classes = useStyles();
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      label={label}
      className={classes.filter}
      value={value}
      onChange={e => onChange(e.target.value)}
      SelectProps={{
        displayEmpty: true,
        SelectDisplayProps: { 'aria-label': label } as any,
      }}
      InputLabelProps={{ shrink: true }}
    >
      <MenuItem value="">{allLabel}</MenuItem>
      {(roles ?? []).map(role => (
        <MenuItem key={role.id} value={role.id}>
          {role.title}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Role ids as small chips, titles in the tooltip. */
export function RoleChips(props: {
  roleIds: string[];
  roles: FieldRoleType[] | undefined;
  counts?: Record<string, number>;
}) {
  const { roleIds, roles, counts } = props;
  const classes = useStyles();
  return (
    <Box className={classes.chips}>
      {roleIds.map(id => {
        const role = roles?.find(r => r.id === id);
        const name =
          role && role.id.length > 4
            ? role.title
            : id.toLocaleUpperCase('en-US');
        return (
          <Tooltip key={id} title={role?.title ?? id}>
            <Chip
              size="small"
              variant="outlined"
              className={classes.chip}
              label={counts ? `${name} · ${counts[id]}` : name}
            />
          </Tooltip>
        );
      })}
    </Box>
  );
}

/**
 * A secondary line under a cell's main text. Styled here, not by the
 * table's columns, so that the columns need no styles and stay the same
 * between renders.
 */
export function SecondaryLine(props: { children: ReactNode }) {
  const classes = useStyles();
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      className={classes.secondary}
    >
      {props.children}
    </Typography>
  );
}

/** A user or group with avatar, linked name and email. */
export function HolderCell(props: { holder: HolderInfo; extra?: ReactNode }) {
  const { holder, extra } = props;
  const classes = useStyles();
  return (
    <Box className={classes.holder}>
      <Avatar
        displayName={holder.displayName}
        picture={holder.picture}
        classes={{ avatar: classes.avatar }}
      />
      <Box minWidth={0}>
        <Typography variant="body2">
          <RefLink entityRef={holder.ref} defaultKind="user">
            {holder.displayName}
          </RefLink>
        </Typography>
        {(holder.email || extra) && (
          <SecondaryLine>
            {holder.email}
            {extra}
          </SecondaryLine>
        )}
      </Box>
    </Box>
  );
}
