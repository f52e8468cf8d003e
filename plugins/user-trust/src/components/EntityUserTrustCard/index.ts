export { EntityUserTrustCard } from './EntityUserTrustCard';
