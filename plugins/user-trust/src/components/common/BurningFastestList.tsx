import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityHealth } from '@user-trust/plugin-user-trust-common';
import { formatEntityBurn } from './healthFormat';
import { SloStatusChip } from './SloStatusChip';

const useStyles = makeStyles(theme => ({
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    paddingLeft: 0,
    paddingRight: 0,
  },
  name: {
    flex: 1,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  burn: {
    whiteSpace: 'nowrap',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
}));

/**
 * Services with their status and fastest burn rate, e.g.
 * "checkout-api · 14.2× (1d)", in the order given.
 */
export function BurningFastestList(props: {
  items: EntityHealth[];
  /** Shown when no service burns error budget. */
  emptyText?: string;
}) {
  const { items, emptyText = 'No service is burning error budget.' } = props;
  const classes = useStyles();
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Burning fastest">
      {items.map(item => (
        <ListItem
          key={item.entityRef}
          className={classes.item}
          data-testid={`burning-${item.entityRef}`}
        >
          <SloStatusChip status={item.status} />
          <Typography variant="body2" className={classes.name}>
            <EntityRefLink entityRef={item.entityRef}>
              {item.title ?? item.name}
            </EntityRefLink>
          </Typography>
          <Typography
            variant="body2"
            className={classes.burn}
            title={
              item.fastestBurn
                ? `Fastest burn: SLO ${item.fastestBurn.slo}`
                : undefined
            }
          >
            {formatEntityBurn(item.fastestBurn)}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}
