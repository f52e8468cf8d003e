import { Header, LinkButton } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import HowToRegOutlined from '@material-ui/icons/HowToRegOutlined';
import { fieldRolesRouteRef } from '../../routes';
import { UserTrustTab, UserTrustTabs } from './UserTrustTabs';
import { useOptionalRoutePath } from './useOptionalRouteRef';

const useStyles = makeStyles({
  headerButton: {
    color: 'inherit',
    borderColor: 'currentColor',
  },
});

/**
 * The header of the User trust page and its tabs (Health, Sources, Import), with a
 * link to the Field roles page when the app has mounted it.
 */
export function UserTrustHeader(props: {
  title: string;
  subtitle: string;
  tab: UserTrustTab;
}) {
  const { title, subtitle, tab } = props;
  const classes = useStyles();
  const fieldRolesPath = useOptionalRoutePath(fieldRolesRouteRef);
  return (
    <>
      <Header title={title} subtitle={subtitle}>
        {fieldRolesPath && (
          <LinkButton
            to={fieldRolesPath}
            variant="outlined"
            className={classes.headerButton}
            startIcon={<HowToRegOutlined />}
          >
            Field roles
          </LinkButton>
        )}
      </Header>
      <UserTrustTabs selected={tab} />
    </>
  );
}
