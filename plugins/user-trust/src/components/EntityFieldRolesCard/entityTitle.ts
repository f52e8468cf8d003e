import { Entity } from '@backstage/catalog-model';

/** The title of an entity, or its name when it has none. */
export function entityTitle(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}
