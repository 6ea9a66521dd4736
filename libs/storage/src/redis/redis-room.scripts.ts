/** Lua scripts of the room storage (atomic multi-key steps). */

/** Creates a room only if none of its set members exists. KEYS: hash, status, ping, occupancy. */
export const CREATE_ROOM = `
for i = 2, 4 do
  if redis.call('ZSCORE', KEYS[i], ARGV[1]) then return 0 end
end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'metadata', ARGV[3], 'ping_status', ARGV[4],
  'is_validation_room', ARGV[5], 'created_at', ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[7], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[8], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[9], ARGV[1])
return 1`;

/**
 * Takes the lexicographically smallest `ready` room and marks it `allocated`.
 * KEYS: status set, room hash prefix; ARGV: ready score, allocated score, now (unix s).
 */
export const ALLOCATE_ROOM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
if #ids == 0 then return false end
local id = ids[1]
redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
redis.call('HSET', KEYS[2] .. id, 'allocated_at', ARGV[3])
return id`;

/** Sum of positive running-match counts of rooms still in the status set. KEYS: occupancy, status. */
export const RUNNING_MATCHES = `
local total = 0
local entries = redis.call('ZRANGEBYSCORE', KEYS[1], '(0', '+inf', 'WITHSCORES')
for i = 1, #entries, 2 do
  if redis.call('ZSCORE', KEYS[2], entries[i]) then total = total + tonumber(entries[i + 1]) end
end
return total`;
