export * from './UserTrustApi';
export * from './UserTrustClient';
