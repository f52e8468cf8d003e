export * from './types';
export * from './math';
export * from './windows';
export * from './query';
export * from './openslo';
export * from './evaluate';
export * from './alerting';
