// Test support (imported by the watch specs only): an in-memory API server of pods.
import type { V1Pod } from '@kubernetes/client-node';
import type { PodList, PodSource, PodWatchStream } from './pod-source';

export interface FakeStream {
  from: string;
  onEvent: (type: string, object: unknown) => void;
  onClose: (error: unknown) => void;
  open: boolean;
}

/** An in-memory API server: pods (namespace `ns` unless told), resourceVersions, list and watch streams. */
export class FakePodSource implements PodSource {
  readonly pods = new Map<string, V1Pod>();
  readonly streams: FakeStream[] = [];
  lists = 0;
  failLists = 0;
  private rv = 10;

  async list(): Promise<PodList> {
    this.lists++;
    if (this.failLists > 0 && this.failLists--) throw Object.assign(new Error('unavailable'), { code: 503 });
    return { items: [...this.pods.values()], resourceVersion: String(this.rv) };
  }

  async watch(from: string, onEvent: FakeStream['onEvent'], onClose: FakeStream['onClose']): Promise<PodWatchStream> {
    const stream: FakeStream = { from, onEvent, onClose, open: true };
    this.streams.push(stream);
    return { close: () => this.end(stream, null) };
  }

  put(name: string, phase: string, silently = false, namespace = 'ns'): void {
    const type = this.pods.has(name) ? 'MODIFIED' : 'ADDED';
    const pod: V1Pod = { metadata: { name, namespace, resourceVersion: String(++this.rv) }, status: { phase } };
    this.pods.set(name, pod);
    if (!silently) this.emit(type, pod);
  }

  remove(name: string, silently = false): void {
    const pod = this.pods.get(name)!;
    this.pods.delete(name);
    if (!silently) this.emit('DELETED', { ...pod, metadata: { ...pod.metadata, resourceVersion: String(++this.rv) } });
  }

  emit(type: string, object: unknown): void {
    for (const stream of this.open) stream.onEvent(type, object);
  }

  drop(error: unknown = new Error('socket hang up')): void {
    for (const stream of this.open) this.end(stream, error);
  }

  get open(): FakeStream[] {
    return this.streams.filter((s) => s.open);
  }

  private end(stream: FakeStream, error: unknown): void {
    if (!stream.open) return;
    stream.open = false;
    stream.onClose(error);
  }
}
