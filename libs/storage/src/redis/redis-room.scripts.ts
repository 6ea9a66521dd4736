/** Lua scripts of the room storage (atomic multi-key steps). */
import { LuaScript } from './lua-script';

/** Creates a room only if none of its set members exists. KEYS: hash, status, ping, occupancy. */
export const CREATE_ROOM = new LuaScript(
  `
for i = 2, 4 do
  if redis.call('ZSCORE', KEYS[i], ARGV[1]) then return 0 end
end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'metadata', ARGV[3], 'ping_status', ARGV[4],
  'is_validation_room', ARGV[5], 'created_at', ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[7], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[8], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[9], ARGV[1])
return 1`,
  4,
);

/**
 * Takes the lexicographically smallest `ready` room and marks it `allocated`.
 * KEYS: status set, room hash prefix; ARGV: ready score, allocated score, now (unix s).
 */
export const ALLOCATE_ROOM = new LuaScript(
  `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
if #ids == 0 then return false end
local id = ids[1]
redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
redis.call('HSET', KEYS[2] .. id, 'allocated_at', ARGV[3])
return id`,
  2,
);

/** Sum of positive running-match counts of rooms still in the status set. KEYS: occupancy, status. */
export const RUNNING_MATCHES = new LuaScript(
  `
local total = 0
local entries = redis.call('ZRANGEBYSCORE', KEYS[1], '(0', '+inf', 'WITHSCORES')
for i = 1, #entries, 2 do
  if redis.call('ZSCORE', KEYS[2], entries[i]) then total = total + tonumber(entries[i + 1]) end
end
return total`,
  2,
);

/**
 * The writes of a ping (see RECORD_PING); leaves the room's status score in `status`. The ping and
 * occupancy scores are set whether or not their members exist: a room in the status set whose
 * other members a fault removed is made whole again (Maestro's `ZADD XX` leaves it unreadable).
 */
const PING_WRITES = `
local status = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not status then return false end
redis.call('HSET', KEYS[1], 'metadata', ARGV[2], 'ping_status', ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[5], ARGV[1])`;

/**
 * What a ping answers of the room: {status, {version, is_validation_room, created_at,
 * allocated_at}}. Not what the ping has just written: metadata, ping status, ping and occupancy scores.
 */
const PING_ROOM_READS = `status, redis.call('HMGET', KEYS[1], 'version', 'is_validation_room', 'created_at', 'allocated_at')`;

/**
 * Records a ping and reads the room back, in one round trip. Writes nothing when the room is not in
 * the status set (Maestro would leave an orphan hash); otherwise writes the hash fields and the
 * ping and occupancy scores (storage.md 4.1), then answers PING_ROOM_READS, the status score as a
 * string and missing hash fields as false.
 * KEYS: hash, status, ping, occupancy; ARGV: room id, metadata JSON, ping status, now, running matches.
 */
export const RECORD_PING = new LuaScript(`${PING_WRITES}\nreturn {${PING_ROOM_READS}}`, 4);

/**
 * RECORD_PING, answering also the room's instance JSON (false when missing) and the scheduler
 * cache's generation ("0" while absent). KEYS: RECORD_PING's, then podMap, then the generation.
 */
export const RECORD_PING_WITH_INSTANCE = new LuaScript(
  `${PING_WRITES}\nreturn {${PING_ROOM_READS}, redis.call('HGET', KEYS[5], ARGV[1]), redis.call('GET', KEYS[6]) or '0'}`,
  6,
);
