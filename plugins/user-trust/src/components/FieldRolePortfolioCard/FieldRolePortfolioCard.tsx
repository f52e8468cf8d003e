import { Entity, RELATION_MEMBER_OF } from '@backstage/catalog-model';
import {
  InfoCard,
  InfoCardVariants,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  FieldRoleAssignment,
  FieldRoleType,
  toStoredEntityRef,
} from '@user-trust/plugin-user-trust-common';
import { Fragment } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { userTrustApiRef } from '../../api';
import {
  AccountChips,
  RefLink,
  useFieldRoleTypes,
  useHolderInfos,
} from '../common/fieldRoles';

/** Assignments loaded per holder; more are counted, not listed. */
export const PORTFOLIO_LIMIT = 200;

const useStyles = makeStyles(theme => ({
  section: {
    padding: theme.spacing(1.5, 0),
  },
  roleHeader: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(1),
  },
  roleTitle: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  item: {
    paddingTop: theme.spacing(0.5),
    paddingBottom: theme.spacing(0.5),
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  itemText: {
    flex: '1 1 auto',
    margin: 0,
  },
}));

type PortfolioItem = FieldRoleAssignment & {
  /** The group the person covers it through, if not directly. */
  via?: string;
};

function groupRefsOf(entity: Entity): string[] {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'user') return [];
  return getEntityRelations(entity, RELATION_MEMBER_OF, { kind: 'group' }).map(
    ref => toStoredEntityRef(ref),
  );
}

/** Role ids in configured order, then unknown ones alphabetically. */
function orderRoles(ids: string[], roles: FieldRoleType[] = []): string[] {
  const known = roles.map(r => r.id).filter(id => ids.includes(id));
  const unknown = ids.filter(id => !known.includes(id)).sort();
  return [...known, ...unknown];
}

function usePortfolio(entity: Entity) {
  const api = useApi(userTrustApiRef);
  const holderRef = toStoredEntityRef(entity);
  const groups = groupRefsOf(entity);
  const key = groups.join(',');
  return useAsync(async () => {
    const holders = [holderRef, ...groups];
    const pages = await Promise.all(
      holders.map(ref =>
        api.listFieldRoleAssignments({
          holderRef: ref,
          limit: PORTFOLIO_LIMIT,
          offset: 0,
        }),
      ),
    );
    const items: PortfolioItem[] = [];
    let hidden = 0;
    pages.forEach((page, i) => {
      hidden += Math.max(0, page.totalCount - page.items.length);
      for (const item of page.items) {
        items.push(i === 0 ? item : { ...item, via: holders[i] });
      }
    });
    return { items, hidden };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, holderRef, key]);
}

function Portfolio(props: {
  entity: Entity;
  items: PortfolioItem[];
  hidden: number;
}) {
  const { entity, items, hidden } = props;
  const classes = useStyles();
  const { roles, loading } = useFieldRoleTypes();
  const groups = useHolderInfos(
    items.filter(i => i.via).map(i => i.via as string),
  );
  if (loading || groups.loading) {
    return <Progress />;
  }
  if (items.length === 0) {
    const who =
      entity.kind.toLocaleLowerCase('en-US') === 'group'
        ? 'This team'
        : 'This person';
    return (
      <Box py={1}>
        <Typography variant="subtitle1">No field roles</Typography>
        <Typography variant="body2" color="textSecondary">
          {who} is not registered as TAM, CSM, DevRel or support lead of any
          entity.
        </Typography>
      </Box>
    );
  }
  const roleIds = orderRoles(
    Array.from(new Set(items.map(i => i.role))),
    roles,
  );
  return (
    <>
      {roleIds.map((roleId, index) => {
        const role = roles?.find(r => r.id === roleId);
        const inRole = items
          .filter(i => i.role === roleId)
          .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
        const entities = new Set(inRole.map(i => i.entityRef)).size;
        return (
          <Fragment key={roleId}>
            {index > 0 && <Divider />}
            <Box
              component="section"
              className={classes.section}
              data-testid={`portfolio-role-${roleId}`}
            >
              <Box className={classes.roleHeader}>
                <Typography
                  variant="body2"
                  component="h3"
                  className={classes.roleTitle}
                >
                  {role?.title ?? roleId}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  {entities} {entities === 1 ? 'entity' : 'entities'}
                </Typography>
              </Box>
              <List dense disablePadding>
                {inRole.map(item => (
                  <ListItem
                    key={`${item.entityRef}|${item.via ?? ''}`}
                    disableGutters
                    className={classes.item}
                  >
                    <ListItemText
                      className={classes.itemText}
                      disableTypography
                      primary={
                        <Typography variant="body2">
                          <RefLink
                            entityRef={item.entityRef}
                            defaultKind="component"
                          />
                        </Typography>
                      }
                      secondary={
                        item.via ? (
                          <Typography variant="caption" color="textSecondary">
                            via{' '}
                            <RefLink entityRef={item.via} defaultKind="group">
                              {groups.get(item.via).displayName}
                            </RefLink>
                          </Typography>
                        ) : undefined
                      }
                    />
                    <AccountChips accounts={item.accounts} />
                  </ListItem>
                ))}
              </List>
            </Box>
          </Fragment>
        );
      })}
      {hidden > 0 && (
        <Typography variant="caption" color="textSecondary">
          And {hidden} more assignments not listed here.
        </Typography>
      )}
    </>
  );
}

/**
 * Card for User and Group pages: what the person or team covers as TAM,
 * CSM, DevRel or support lead, grouped by role. A person's card includes
 * what they cover through their groups.
 *
 * @public
 */
export function FieldRolePortfolioCard(props: {
  title?: string;
  variant?: InfoCardVariants;
}) {
  const { title = 'Field roles', variant } = props;
  const { entity } = useEntity();
  const { value, loading, error } = usePortfolio(entity);
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ResponseErrorPanel error={error} title="Could not load field roles" />
    );
  } else if (value) {
    content = (
      <Portfolio entity={entity} items={value.items} hidden={value.hidden} />
    );
  }
  return (
    <InfoCard
      title={title}
      subheader="Services covered at the customer edge"
      variant={variant}
    >
      {content}
    </InfoCard>
  );
}
