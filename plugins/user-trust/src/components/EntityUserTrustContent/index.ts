export { EntityUserTrustContent } from './EntityUserTrustContent';
