import { type FormEvent, useId, useState } from 'react';
import { unwrap } from '../api/client';
import type { components } from '../api/management-api';
import { useApp } from '../app-context';
import { can, deniedHint } from '../auth/permissions';
import { candidateLabel, initialCandidate, SINCE_CHOICES, type Simulation, type SimulationForm, simulateBody, simulationsOf } from './simulation-input';
import { SimulationResults } from './simulation-results';

type Scheduler = components['schemas']['SchedulerResponse'];

/** At most this many candidates, as the simulator accepts. */
const MAX_CANDIDATES = 10;

/**
 * The policy simulator: replays the recorded or a pasted demand through the health controller's
 * decision for one or more candidate policies, and shows their cost and shortfall side by side.
 * It changes nothing; a token that may not call it sees it disabled.
 */
export function AutoscalingSimulator({ scheduler }: { scheduler: Scheduler }) {
  const { client, token } = useApp();
  const allowed = can(token, 'simulate', scheduler.game);
  const [form, setForm] = useState<SimulationForm>(() => ({
    demand: 'history',
    since: '1h',
    trace: '',
    candidates: [initialCandidate(scheduler)],
    startupDelaySeconds: '',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState<{ labels: string[]; results: Simulation[] }>();
  const ids = { since: useId(), trace: useId(), delay: useId(), candidates: useId() };
  const update = (patch: Partial<SimulationForm>) => setForm((f) => ({ ...f, ...patch }));
  const setCandidate = (index: number, text: string) => update({ candidates: form.candidates.map((c, i) => (i === index ? text : c)) });

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!allowed || busy) return;
    setError(undefined);
    setBusy(true);
    try {
      const body = simulateBody(form);
      const answer = unwrap(
        await client.POST('/schedulers/{schedulerName}/autoscaling/simulate', { params: { path: { schedulerName: scheduler.name } }, body }),
      );
      setShown({ labels: form.candidates.map(candidateLabel), results: simulationsOf(answer) });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="simulator-title">
      <h2 id="simulator-title">Try a policy</h2>
      <p>Replays a demand of occupied rooms through the health controller&apos;s decision, for each candidate policy. It changes nothing.</p>
      <form onSubmit={(event) => void run(event)} aria-describedby={allowed ? undefined : `${ids.candidates}-denied`}>
        <fieldset disabled={!allowed}>
          <legend>Demand</legend>
          <label>
            <input type="radio" name="demand" checked={form.demand === 'history'} onChange={() => update({ demand: 'history' })} />
            Recorded occupied rooms
          </label>
          <label>
            <input type="radio" name="demand" checked={form.demand === 'trace'} onChange={() => update({ demand: 'trace' })} />A pasted trace
          </label>
          {form.demand === 'history' ? (
            <label htmlFor={ids.since}>
              Since
              <select id={ids.since} value={form.since} onChange={(event) => update({ since: event.target.value as SimulationForm['since'] })}>
                {SINCE_CHOICES.map((since) => (
                  <option key={since} value={since}>
                    last {since}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label htmlFor={ids.trace}>
              Trace (JSON list of {'{"at", "occupied"}'}, or one &quot;time,occupied&quot; line per point)
              <textarea id={ids.trace} rows={5} spellCheck={false} value={form.trace} onChange={(event) => update({ trace: event.target.value })} />
            </label>
          )}
        </fieldset>
        <fieldset disabled={!allowed}>
          <legend>Candidates</legend>
          {form.candidates.map((text, i) => (
            <div key={i} className="candidate">
              <label htmlFor={`${ids.candidates}-${i}`}>
                Candidate {i + 1}: autoscaling (JSON)
                <textarea id={`${ids.candidates}-${i}`} rows={8} spellCheck={false} value={text} onChange={(event) => setCandidate(i, event.target.value)} />
              </label>
              {form.candidates.length > 1 && (
                <button type="button" className="outline secondary small" onClick={() => update({ candidates: form.candidates.filter((_, j) => j !== i) })}>
                  Remove candidate {i + 1}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="outline small"
            disabled={form.candidates.length >= MAX_CANDIDATES}
            onClick={() => update({ candidates: [...form.candidates, form.candidates[form.candidates.length - 1]] })}
          >
            Add candidate
          </button>
          <label htmlFor={ids.delay}>
            Room start-up in seconds (blank: measured from the history)
            <input
              id={ids.delay}
              type="number"
              min={0}
              max={3600}
              step={1}
              inputMode="numeric"
              value={form.startupDelaySeconds}
              onChange={(event) => update({ startupDelaySeconds: event.target.value })}
            />
          </label>
        </fieldset>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={!allowed || busy} aria-busy={busy} title={deniedHint(allowed)}>
          Simulate
        </button>
        {!allowed && (
          <p id={`${ids.candidates}-denied`} className="who">
            Your token does not allow simulations on this scheduler.
          </p>
        )}
      </form>
      {shown && <SimulationResults labels={shown.labels} results={shown.results} />}
    </section>
  );
}
