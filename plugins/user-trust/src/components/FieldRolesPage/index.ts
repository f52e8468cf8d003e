export { FieldRolesPage } from './FieldRolesPage';
