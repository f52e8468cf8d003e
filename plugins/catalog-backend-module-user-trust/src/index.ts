/**
 * Catalog backend module of User Trust for Backstage: puts the field-role
 * holders (TAM, CSM, DevRel, support lead) of catalog entities onto the
 * catalog as relations, next to the owning team.
 *
 * @packageDocumentation
 */

export { catalogModuleUserTrustFieldRoles as default } from './module';
export { UserTrustFieldRoleProcessor } from './UserTrustFieldRoleProcessor';
export type { UserTrustFieldRoleProcessorOptions } from './UserTrustFieldRoleProcessor';
