import type { Autoscaling } from '../../entities/scheduler';

/** Clamps a policy result to [min, max] (autoscaling.md 2); max -1 means no upper limit. */
export function clampToLimits(raw: number, autoscaling: Pick<Autoscaling, 'min' | 'max'>): number {
  if (raw < autoscaling.min) return autoscaling.min;
  if (autoscaling.max >= 0 && raw > autoscaling.max) return autoscaling.max;
  return raw;
}

/** Whether the cooldown after the last downscale is over: `lastDownscaleAt + cooldown s <= now` (2.1). */
export function isCooldownOver(lastDownscaleAt: Date, cooldownSeconds: number, now: Date): boolean {
  return lastDownscaleAt.getTime() + cooldownSeconds * 1000 <= now.getTime();
}
