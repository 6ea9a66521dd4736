export * from './go-format';
export * from './events-forwarding.service';
