export * from './semantic-version';
export * from './major-change';
