export { FieldRolePortfolioCard } from './FieldRolePortfolioCard';
