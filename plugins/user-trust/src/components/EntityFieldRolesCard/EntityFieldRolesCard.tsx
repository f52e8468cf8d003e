import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  InfoCardVariants,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useCanManageFieldRoles } from '../common/permissions';
import { FieldRolesList } from './FieldRolesList';
import { useEntityFieldRoles } from './useEntityFieldRoles';

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
  const permission = useCanManageFieldRoles(stringifyEntityRef(entity));
  const { value, loading, error, retry } = useEntityFieldRoles(entity);

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
