/**
 * User Trust backend plugin: stores user-perceived signals keyed to catalog
 * entities and serves summaries of them.
 *
 * @packageDocumentation
 */

export { userTrustPlugin as default } from './plugin';
