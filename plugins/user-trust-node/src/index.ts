/**
 * Extension points of the User Trust backend, for signal-provider modules.
 *
 * @packageDocumentation
 */

export * from './extensions';
