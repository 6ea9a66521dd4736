// Authentication of the public APIs: the apps' access rules, the guard's providers, the caller.
export { type AccessRule, type AccessRules, type GameScope, routeKey } from './access-rules';
export { authProviders, tokenServiceProvider } from './auth.providers';
export { CallerToken, type Caller } from './caller';
