import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ReactNode } from 'react';

/** A user, group or other entity as a link to its catalog page. */
export function RefLink(props: {
  entityRef: string;
  defaultKind?: string;
  children?: ReactNode;
}) {
  const { entityRef, defaultKind, children } = props;
  try {
    parseEntityRef(entityRef, { defaultKind, defaultNamespace: 'default' });
  } catch {
    return <>{entityRef}</>;
  }
  return (
    <EntityRefLink
      entityRef={entityRef}
      defaultKind={defaultKind}
      defaultNamespace="default"
    >
      {children}
    </EntityRefLink>
  );
}
