import { unwrap } from '../api/client';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/error-notice';
import { usePolling } from '../hooks/use-polling';
import { OperationsTimeline } from './operations-timeline';
import { RoomsChart } from './rooms-chart';
import { RoomsTable } from './rooms-table';
import { SchedulerActions } from './scheduler-actions';
import { VersionsPanel } from './versions-panel';

/** One scheduler: its actions, rooms over time, rooms, versions and operations. */
export function SchedulerPage({ name }: { name: string }) {
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
        {current && <OperationsTimeline scheduler={name} game={current.game} />}
      </div>
      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">Scaling decisions</h2>
        <p>The scaling inputs of the last health controller runs appear here once the system records them (issue 16).</p>
      </section>
    </article>
  );
}
