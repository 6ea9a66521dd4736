/** One pending timer per key (a pod's next lifecycle step): setting a key replaces its timer. */
export class KeyedTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Runs `action` after `ms`, replacing what was pending for `key`. */
  set(key: string, ms: number, action: () => void): void {
    this.clear(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      action();
    }, ms);
    this.timers.set(key, timer);
  }

  clear(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
