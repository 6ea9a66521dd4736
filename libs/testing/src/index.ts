export * from './wait-for';
export * from './builders';
export * from './infra';
