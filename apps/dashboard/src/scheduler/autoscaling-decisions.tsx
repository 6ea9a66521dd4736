import { unwrap } from '../api/client';
import type { components } from '../api/management-api';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/error-notice';
import { usePolling } from '../hooks/use-polling';
import { operationHref } from '../hooks/use-route';

type Decision = components['schemas']['AutoscalingDecisionResponse'];
type DecisionPolicy = components['schemas']['DecisionPolicyResponse'];

/** Decisions shown: the health controller's last runs. */
export const DECISIONS_SHOWN = 20;

const isScalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * "roomOccupancy readyTarget 0.5, downThreshold 0.9 · min 1 · max 12 · cooldown 300 s". A policy
 * whose parameters are not flat numbers and words (a type this page does not know, a schedule of
 * policies) shows its parameters as JSON.
 */
export function describePolicy(policy: DecisionPolicy): string {
  const own = policy.parameters[policy.type];
  const entries = own !== null && typeof own === 'object' && !Array.isArray(own) ? Object.entries(own) : undefined;
  const parameters =
    entries && entries.every(([, value]) => isScalar(value))
      ? entries.map(([key, value]) => `${key} ${String(value)}`).join(', ')
      : Object.keys(policy.parameters).length > 0
        ? JSON.stringify(policy.parameters)
        : '';
  const bounds = [
    policy.min !== undefined && `min ${policy.min}`,
    policy.max !== undefined && `max ${policy.max === -1 ? 'none' : policy.max}`,
    policy.cooldown !== undefined && `cooldown ${policy.cooldown} s`,
  ].filter((part): part is string => typeof part === 'string');
  return [[policy.type, parameters].filter(Boolean).join(' '), ...bounds].join(' · ');
}

/** "3 ready, 7 occupied": the statuses that have rooms; "no rooms" when none has. */
export const roomsSeen = (rooms: Decision['rooms']): string =>
  Object.entries(rooms)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ') || 'no rooms';

/** "+2", "−3" or "none". */
export const describeAction = (action: Decision['action']): string =>
  action.kind === 'add' ? `+${action.amount}` : action.kind === 'remove' ? `−${action.amount}` : 'none';

/** The health controller's recent decisions, newest first, each with what it saw and why; live. */
export function AutoscalingDecisions({ scheduler }: { scheduler: string }) {
  const { client } = useApp();
  const decisions = usePolling(
    async () =>
      unwrap(
        await client.GET('/schedulers/{schedulerName}/autoscaling/decisions', {
          params: { path: { schedulerName: scheduler }, query: { limit: DECISIONS_SHOWN } },
        }),
      ),
    2_000,
    [client, scheduler],
  );
  const list = decisions.data?.decisions ?? [];
  const latest = list[0];
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">Autoscaling decisions</h2>
      <ErrorNotice error={decisions.error} />
      {latest && (
        <p>
          Policy: <code className="policy">{describePolicy(latest.policy)}</code>
        </p>
      )}
      {decisions.data && list.length === 0 && <p>No decision yet: the health controller records one per run.</p>}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="striped decisions">
            <caption className="visually-hidden">The last {list.length} health controller runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Rooms</th>
                <th scope="col">Current → desired</th>
                <th scope="col">Limited by</th>
                <th scope="col">Action</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={`${d.at}-${d.operationId}`} data-decision={d.operationId} data-action={d.action.kind}>
                  <td>
                    <time dateTime={d.at}>{new Date(d.at).toLocaleTimeString()}</time>
                  </td>
                  <td>{roomsSeen(d.rooms)}</td>
                  <td>
                    {d.current} → {d.desired}
                  </td>
                  <td>{d.limitedBy.length > 0 ? d.limitedBy.join(', ') : '—'}</td>
                  <td className="action-cell">
                    {describeAction(d.action)}
                    {d.action.operationId && (
                      <>
                        {' '}
                        <a href={operationHref(scheduler, d.action.operationId)} aria-label={`Operation ${d.action.operationId}`}>
                          {d.action.operationId.slice(0, 8)}
                        </a>
                      </>
                    )}
                  </td>
                  <td className="reason">{d.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
