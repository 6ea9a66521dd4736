import type Redis from 'ioredis';
import { call } from './workload';

/** Room statuses by their score in the status set (Maestro's order, storage.md 4.1). */
const STATUS_BY_SCORE = ['pending', 'unready', 'ready', 'occupied', 'terminating', 'error', 'terminated', 'active', 'allocated'];
/** Instance statuses by their number in the `podMap` JSON. */
const INSTANCE_STATUS_BY_TYPE = ['unknown', 'pending', 'ready', 'terminating', 'error'];

interface PodJson {
  metadata: { name: string; deletionTimestamp?: string; labels?: Record<string, string> };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

/**
 * Everything behind one fleet off target, so that a failed run explains itself: the target, the
 * rooms by status (records without a ping or occupancy score named apart), the instances, the pods,
 * the last operations with their status and the health controller's last decisions.
 */
export async function describeFleet(management: string, kube: string, redis: Redis, fleet: string, summary: string): Promise<string> {
  const lines = [`fleet off target: ${summary}`];
  const section = async (name: string, read: () => Promise<string[]>) => {
    try {
      const found = await read();
      lines.push(`  ${name}: ${found.length === 0 ? 'none' : found.join('; ')}`);
    } catch (error) {
      lines.push(`  ${name}: not read (${String(error)})`);
    }
  };
  await section('rooms', () => roomsByStatus(redis, fleet));
  await section('instances', async () => {
    const podMap = await redis.hgetall(`scheduler:${fleet}:podMap`);
    return Object.entries(podMap).map(([id, json]) => `${id} ${instanceStatus(json)}`);
  });
  await section('pods', async () => {
    const pods = await call(kube, 'GET', `/api/v1/namespaces/${fleet}/pods`);
    if (pods.status !== 200) return [`answer ${pods.status}`];
    return (pods.body.items as PodJson[]).map(describePod);
  });
  await section('operations', async () => {
    const found: string[] = [];
    for (const stage of ['pending', 'active', 'final']) {
      const listed = await call(management, 'GET', `/schedulers/${fleet}/operations?stage=${stage}&orderBy=createdAt%20desc&perPage=6`);
      const operations = (listed.body?.operations ?? []) as { id: string; definitionName: string; status: string; createdAt: string }[];
      found.push(...operations.map((op) => `${op.definitionName} ${op.status} ${op.createdAt} ${op.id}`));
    }
    return found;
  });
  await section('decisions', async () => {
    const listed = await call(management, 'GET', `/schedulers/${fleet}/autoscaling/decisions?limit=4`);
    const decisions = (listed.body?.decisions ?? []) as {
      at: string;
      current: number;
      desired: number;
      action: { kind: string; amount: number };
      reason: string;
    }[];
    return decisions.map((d) => `${d.at} current ${d.current} desired ${d.desired} ${d.action.kind} ${d.action.amount} (${d.reason})`);
  });
  return lines.join('\n');
}

/** Each room of the status set with its status, and `partial` where its ping or occupancy score is missing. */
async function roomsByStatus(redis: Redis, fleet: string): Promise<string[]> {
  const statuses = await redis.zrange(`scheduler:${fleet}:status`, 0, -1, 'WITHSCORES');
  const rooms: string[] = [];
  for (let i = 0; i < statuses.length; i += 2) {
    const id = statuses[i];
    const [ping, occupancy] = await Promise.all([redis.zscore(`scheduler:${fleet}:ping`, id), redis.zscore(`scheduler:${fleet}:occupancy`, id)]);
    const status = STATUS_BY_SCORE[Number(statuses[i + 1])] ?? statuses[i + 1];
    const missing = [ping === null ? 'ping' : '', occupancy === null ? 'occupancy' : ''].filter(Boolean);
    const age = ping === null ? '' : ` pinged ${Math.round(Date.now() / 1000 - Number(ping))} s ago`;
    rooms.push(`${id} ${status}${age}${missing.length > 0 ? ` partial (no ${missing.join(', no ')} score)` : ''}`);
  }
  return rooms;
}

function instanceStatus(json: string): string {
  try {
    const type = (JSON.parse(json) as { status?: { type?: number } }).status?.type;
    return type === undefined ? json : (INSTANCE_STATUS_BY_TYPE[type] ?? String(type));
  } catch {
    return json;
  }
}

function describePod(pod: PodJson): string {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  const version = pod.metadata.labels?.version;
  return `${pod.metadata.name} ${pod.status?.phase ?? '?'}${ready ? ` ready=${ready}` : ''}${version ? ` ${version}` : ''}${pod.metadata.deletionTimestamp ? ' terminating' : ''}`;
}

/**
 * A deleted fleet whose namespace is still there: whether the scheduler is still there, what its
 * delete operation says, the namespace's labels and pods.
 */
export async function describeDeletedFleet(management: string, kube: string, fleet: string, deleteOperationId: string | undefined): Promise<string> {
  const scheduler = await call(management, 'GET', `/schedulers/${fleet}`);
  const lines = [`deleted fleet with its namespace still there: ${fleet}: scheduler ${scheduler.status}`];
  if (deleteOperationId) {
    const operation = await call(management, 'GET', `/schedulers/${fleet}/operations/${deleteOperationId}`);
    const op = operation.body?.operation as { status: string; executionHistory?: { event: string }[] } | undefined;
    const history = (op?.executionHistory ?? []).slice(-5).map((entry) => entry.event);
    lines.push(`  delete operation ${deleteOperationId}: ${operation.status} ${op?.status ?? ''} ${history.join(' | ')}`);
  }
  const namespace = await call(kube, 'GET', `/api/v1/namespaces/${fleet}`);
  lines.push(`  namespace: ${namespace.status} labels ${JSON.stringify(namespace.body?.metadata?.labels ?? {})}`);
  const pods = await call(kube, 'GET', `/api/v1/namespaces/${fleet}/pods`);
  lines.push(`  pods: ${((pods.body?.items ?? []) as PodJson[]).map(describePod).join('; ') || 'none'}`);
  return lines.join('\n');
}
