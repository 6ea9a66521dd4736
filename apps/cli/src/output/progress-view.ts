import type { SingleBar } from 'cli-progress';
import { cliProgress } from '../lazy';
import type { RoomProgress } from '../rollout/room-progress';
import type { Colors } from './colors';

/** What a rollout shows: status lines, and the rooms ready against the target. */
export interface RolloutView {
  line(text: string): void;
  progress(progress: RoomProgress, version: string): void;
  /** Ends the display (the bar stays on screen). */
  stop(): void;
}

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * On a terminal, a progress bar redrawn in place (cli-progress); elsewhere, one line each time
 * the count changes, so logs and pipes stay readable.
 */
export function progressView(out: Output, colors: Colors): RolloutView {
  return out.isTTY ? new BarView(out, colors) : new LineView(out);
}

const label = (p: RoomProgress, version: string) => `rooms ready on ${version}`;
const outdated = (p: RoomProgress) => (p.outdated > 0 ? `, ${p.outdated} on other versions` : '');

class LineView implements RolloutView {
  private last = '';

  constructor(private readonly out: Output) {}

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  progress(p: RoomProgress, version: string): void {
    const text = `${label(p, version)}: ${p.ready}/${p.target}${outdated(p)}`;
    if (text !== this.last) this.out.write(`${text}\n`);
    this.last = text;
  }

  stop(): void {}
}

class BarView implements RolloutView {
  private bar?: SingleBar;

  constructor(
    private readonly out: Output,
    private readonly colors: Colors,
  ) {}

  line(text: string): void {
    this.stop();
    this.out.write(`${text}\n`);
  }

  progress(p: RoomProgress, version: string): void {
    const payload = { label: label(p, version), outdated: outdated(p) };
    if (!this.bar) {
      const { Presets, SingleBar } = cliProgress();
      this.bar = new SingleBar(
        {
          stream: this.out as NodeJS.WritableStream,
          format: `{label} ${this.colors.cyan('{bar}')} {value}/{total}{outdated}`,
          hideCursor: true,
          barsize: 30,
          fps: 10,
        },
        Presets.shades_classic,
      );
      this.bar.start(Math.max(p.target, 1), p.ready, payload);
    }
    this.bar.setTotal(Math.max(p.target, 1));
    this.bar.update(p.ready, payload);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
