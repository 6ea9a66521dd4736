import { createColors } from 'picocolors';

export type Colors = ReturnType<typeof createColors>;

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  const enabled = stream.isTTY === true && !('NO_COLOR' in env && env.NO_COLOR !== undefined) && env.TERM !== 'dumb';
  return createColors(enabled);
}
