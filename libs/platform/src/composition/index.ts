export * from './use-case.providers';
export * from './forwarding-drain';
