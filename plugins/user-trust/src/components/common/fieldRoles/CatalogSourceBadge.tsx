import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { fieldRoleAnnotation } from '@user-trust/plugin-user-trust-common';

const useStyles = makeStyles({
  chip: {
    margin: 0,
  },
});

/** "from catalog annotation": a read-only seed from the entity's YAML. */
export function CatalogSourceBadge(props: { role: string }) {
  const classes = useStyles();
  return (
    <Tooltip
      title={`Seeded from the entity's ${fieldRoleAnnotation(
        props.role,
      )} annotation; read-only here. Registering holders for this role overrides it.`}
    >
      <Chip
        size="small"
        variant="outlined"
        className={classes.chip}
        label="from catalog annotation"
      />
    </Tooltip>
  );
}
