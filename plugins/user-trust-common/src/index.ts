/**
 * Isomorphic types, signal kinds and permissions of User Trust for Backstage.
 *
 * @packageDocumentation
 */

export * from './entityFilter';
export * from './entityRefs';
export * from './signals';
export * from './permissions';
export * from './labels';
export * from './slo';
export * from './fieldRoles';
export * from './fieldRoleCatalog';
export * from './health';
export * from './imports';
export * from './schema';
