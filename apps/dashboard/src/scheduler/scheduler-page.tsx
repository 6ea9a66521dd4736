import { unwrap } from '../api/client';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/error-notice';
import { usePolling } from '../hooks/use-polling';
import { AutoscalingDecisions } from './autoscaling-decisions';
import { AutoscalingSimulator } from './autoscaling-simulator';
import { OperationsTimeline } from './operations-timeline';
import { RoomsChart } from './rooms-chart';
import { RoomsTable } from './rooms-table';
import { SchedulerActions } from './scheduler-actions';
import { VersionsPanel } from './versions-panel';

/**
 * One scheduler: its actions, rooms over time, rooms, versions, operations (`operation` opened) and
 * autoscaling (its decisions, and the simulator).
 */
export function SchedulerPage({ name, operation }: { name: string; operation?: string }) {
  const { client } = useApp();
  const scheduler = usePolling(async () => unwrap(await client.GET('/schedulers/{schedulerName}', { params: { path: { schedulerName: name } } })), 2_000, [
    client,
    name,
  ]);
  const current = scheduler.data?.scheduler;
  return (
    <article aria-labelledby="scheduler-title" className="scheduler-page">
      <p>
        <a href="#/">← All schedulers</a>
      </p>
      <header className="scheduler-header">
        <hgroup>
          <h1 id="scheduler-title">{name}</h1>
          {current && (
            <p>
              {current.game} · <span className={`state state-${current.state}`}>{current.state}</span> · active <strong>{current.spec.version}</strong> ·{' '}
              {current.autoscaling?.enabled
                ? `autoscaling ${current.autoscaling.min}–${current.autoscaling.max} (${current.autoscaling.policy?.type ?? 'no policy'})`
                : `${current.roomsReplicas} rooms`}
            </p>
          )}
        </hgroup>
        {current && <SchedulerActions scheduler={current} onDone={scheduler.refresh} onDeleted={() => (window.location.hash = '#/')} />}
      </header>
      <ErrorNotice error={scheduler.error} />
      <RoomsChart scheduler={name} />
      <RoomsTable scheduler={name} />
      <div className="grid two">
        {current && <VersionsPanel scheduler={name} game={current.game} onDone={scheduler.refresh} />}
        {current && <OperationsTimeline scheduler={name} game={current.game} focus={operation} />}
      </div>
      <AutoscalingDecisions scheduler={name} />
      {current && <AutoscalingSimulator scheduler={current} />}
    </article>
  );
}
