export { HealthHomeCardActions, HealthHomeCardContent } from './HealthHomeCard';
