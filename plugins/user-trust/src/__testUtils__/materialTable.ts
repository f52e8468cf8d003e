/**
 * Runs the tests of the surrounding `describe` with NODE_ENV=development:
 * material-table checks its columns and rows only in development.
 */
export function inDevelopment() {
  const nodeEnv = process.env.NODE_ENV;
  beforeEach(() => {
    (process.env as { NODE_ENV?: string }).NODE_ENV = 'development';
  });
  afterEach(() => {
    (process.env as { NODE_ENV?: string }).NODE_ENV = nodeEnv;
  });
}

/**
 * The warnings material-table gave on a `console.warn` spy: its columns
 * changing under a mounted table, or rows without a unique id.
 */
export function materialTableWarnings(warn: jest.SpyInstance): string[] {
  return warn.mock.calls
    .map(call => String(call[0]))
    .filter(message => /material table|unique id/i.test(message));
}
