import { TestApp } from '@maestro/testing';
import { ManagementApiRoot } from '../management-api.root';
import { setUpSwagger } from '../swagger';

/** The real management API on its own database and Redis prefix, with its Swagger UI and document. */
export const ManagementApiHarness = {
  /** `env` adds to the test env (authentication on, TEST_AUTH's bootstrap token); `sharing`: another replica of that app. */
  start: (env: Record<string, string> = {}, sharing?: TestApp) =>
    TestApp.start({
      component: 'management-api',
      root: (e, config) => ManagementApiRoot.forConfig(e, config),
      configure: setUpSwagger,
      env,
      sharing,
    }),
};
export type ManagementApiHarness = TestApp;

/** A valid create-scheduler body in Maestro's JSON. */
export function aSchedulerBody(name = 'my-scheduler'): Record<string, any> {
  return {
    name,
    game: 'my-game',
    maxSurge: '10%',
    roomsReplicas: 0,
    portRange: { start: 40000, end: 60000 },
    spec: {
      terminationGracePeriod: '100s',
      containers: [
        {
          name: 'game',
          image: 'repo/game:1',
          imagePullPolicy: 'IfNotPresent',
          command: ['./run'],
          environment: [{ name: 'A', value: '1' }],
          requests: { memory: '100Mi', cpu: '100m' },
          limits: { memory: '200Mi', cpu: '200m' },
          ports: [{ name: 'gameport', protocol: 'udp', port: 7777 }],
        },
      ],
    },
  };
}
