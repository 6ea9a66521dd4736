export * from './use-case.providers';
