import { Entity } from '@backstage/catalog-model';
import { toStoredEntityRef } from '@user-trust/plugin-user-trust-common';
import { HOLDER_FIELDS, holderInfo } from './holderInfo';

/** The catalog fields needed to show an entity in a picker. */
export const PICKER_FIELDS = [...HOLDER_FIELDS, 'spec.type'];

/** An entity offered by {@link CatalogRefPicker}. */
export type PickerOption = {
  ref: string;
  title: string;
  secondary?: string;
};

/** The picker option of a catalog entity. */
export function toOption(entity: Entity): PickerOption {
  const ref = toStoredEntityRef(entity);
  const info = holderInfo(ref, entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const type =
    typeof entity.spec?.type === 'string' ? ` · ${entity.spec.type}` : '';
  return {
    ref,
    title: info.displayName,
    secondary: `${kind}${type} · ${info.email ?? ref}`,
  };
}

/** The picker option of a ref the search has not returned (yet). */
export function optionOfRef(ref: string): PickerOption {
  const info = holderInfo(ref);
  return { ref, title: info.displayName, secondary: ref };
}
