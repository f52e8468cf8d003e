export { EntityFieldRolesCard } from './EntityFieldRolesCard';
