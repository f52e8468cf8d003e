import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import SyncProblem from '@material-ui/icons/SyncProblem';
import {
  EntityHealth,
  WeekOverWeek,
} from '@user-trust/plugin-user-trust-common';
import {
  describeWeekOverWeek,
  formatEntityBurn,
  formatWeekOverWeek,
} from '../common/healthFormat';

/** Cells of the health tables, each showing one field of a row. */

const useStyles = makeStyles(theme => ({
  nowrap: {
    whiteSpace: 'nowrap',
  },
  secondary: {
    display: 'block',
  },
  missing: {
    color: theme.palette.warning.dark,
  },
  dissonance: {
    color: theme.palette.warning.main,
    verticalAlign: 'middle',
  },
}));

const NONE = (
  <Typography variant="body2" color="textSecondary" component="span">
    —
  </Typography>
);

/**
 * A link to an entity's page on a line of its own (smaller when
 * `secondary`), or "—" without a ref.
 */
export function RefCell(props: {
  entityRef?: string;
  defaultKind: string;
  secondary?: boolean;
}) {
  const { entityRef, defaultKind, secondary } = props;
  const classes = useStyles();
  if (!entityRef) return secondary ? null : NONE;
  return (
    <Typography
      variant={secondary ? 'caption' : 'body2'}
      className={`${classes.nowrap} ${classes.secondary}`}
    >
      <EntityRefLink entityRef={entityRef} defaultKind={defaultKind} hideIcon />
    </Typography>
  );
}

/** The entity, linked by its title, with its kind and type below. */
export function ServiceCell(props: { row: EntityHealth }) {
  const { row } = props;
  const classes = useStyles();
  return (
    <>
      <EntityRefLink entityRef={row.entityRef}>
        {row.title ?? row.name}
      </EntityRefLink>
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.secondary}
      >
        {[row.kind, row.type].filter(Boolean).join(' · ')}
      </Typography>
    </>
  );
}

/** The trust score rounded, or "—" when there is none. */
export function ScoreCell(props: { score: number | null }) {
  const { score } = props;
  if (score === null || !Number.isFinite(score)) return NONE;
  const rounded = Math.round(score);
  return (
    <Typography variant="body2" aria-label={`Trust score ${rounded} of 100`}>
      {rounded}
    </Typography>
  );
}

/** "14.2× (1d)", with the SLO that burns in the tooltip. */
export function BurnCell(props: { fastestBurn: EntityHealth['fastestBurn'] }) {
  const { fastestBurn } = props;
  const classes = useStyles();
  const text = formatEntityBurn(fastestBurn);
  if (!fastestBurn || !text) return NONE;
  return (
    <Typography
      variant="body2"
      className={classes.nowrap}
      title={`SLO ${fastestBurn.slo}`}
    >
      {text}
    </Typography>
  );
}

/**
 * "12 ▲4": signals of the last 7 days and the change to the week before,
 * followed by the unit, singular or plural, when given ("12 ▲4 cases");
 * smaller when `secondary`.
 */
export function WeekOverWeekCell(props: {
  value: WeekOverWeek;
  noun: string;
  unit?: [singular: string, plural: string];
  secondary?: boolean;
}) {
  const { value, noun, unit, secondary } = props;
  const classes = useStyles();
  const description = describeWeekOverWeek(value, noun);
  return (
    <Typography
      variant={secondary ? 'caption' : 'body2'}
      color={secondary ? 'textSecondary' : 'initial'}
      className={`${classes.nowrap} ${classes.secondary}`}
      title={description}
      aria-label={description}
    >
      {formatWeekOverWeek(value)}
      {unit ? ` ${unit[value.last7d === 1 ? 0 : 1]}` : ''}
    </Typography>
  );
}

/** Short role name: "TAM" for short ids, the id itself otherwise. */
function roleLabel(role: string): string {
  return role.length <= 4 ? role.toLocaleUpperCase('en-US') : role;
}

/** The required field roles nobody holds, or "none". */
export function CoverageCell(props: { missingRoles: string[] }) {
  const { missingRoles } = props;
  const classes = useStyles();
  if (missingRoles.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none
      </Typography>
    );
  }
  const labels = missingRoles.map(roleLabel);
  return (
    <Typography
      variant="body2"
      className={classes.missing}
      title={`Nobody holds these required roles: ${labels.join(', ')}`}
    >
      {labels.join(', ')}
    </Typography>
  );
}

/** An icon when monitoring and users disagree about the entity. */
export function DissonanceCell(props: { dissonance: boolean }) {
  const classes = useStyles();
  if (!props.dissonance) return null;
  const text = 'Monitoring and users disagree';
  return (
    <Tooltip title={text}>
      <SyncProblem
        className={classes.dissonance}
        aria-label={text}
        role="img"
        data-testid="dissonance"
      />
    </Tooltip>
  );
}
