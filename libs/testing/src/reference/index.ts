export * from './shared-reference';
