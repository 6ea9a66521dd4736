/**
 * Lua scripts of the scheduler cache: the entry `scheduler:<s>` and its invalidation generation
 * `scheduler:<s>:cacheGeneration` (a counter, "0" while absent) are read and written together.
 * KEYS of every script: entry, generation.
 */
import { LuaScript } from './lua-script';

/** {generation} when it equals ARGV[1] (the caller's), else {generation, entry or false}. */
export const READ_SCHEDULER = new LuaScript(
  `
local generation = redis.call('GET', KEYS[2]) or '0'
if generation == ARGV[1] then return {generation} end
return {generation, redis.call('GET', KEYS[1])}`,
  2,
);

/** Writes the entry (ARGV[2], PX ARGV[3]) only while the generation is ARGV[1]; 1 when written. */
export const SET_SCHEDULER_IF_CURRENT = new LuaScript(
  `
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`,
  2,
);

/** Moves the generation forward and drops the entry. */
export const INVALIDATE_SCHEDULER = new LuaScript(
  `
redis.call('INCR', KEYS[2])
return redis.call('DEL', KEYS[1])`,
  2,
);
