// setupRequest functions of bench/cases/rooms-api.case.ts. They run in autocannon's worker thread
// (workers mode takes functions as files), each with its own counter: request i pings room
// floor(i / S) of scheduler i mod S, or allocates from scheduler i mod S, round robin.
// S and R come from BENCH_SCHEDULERS and BENCH_ROOMS_PER_SCHEDULER (the worker copies the env); a
// ping carries its room's token (HMAC under BENCH_ROOMS_SECRET), an allocation BENCH_ADMIN_TOKEN.
const { createHmac } = require('node:crypto');

const schedulers = Number(process.env.BENCH_SCHEDULERS);
const rooms = Number(process.env.BENCH_ROOMS_PER_SCHEDULER);
let next = 0;

/**
 * @param {import('autocannon').Request} request
 * @returns {import('autocannon').Request}
 */
module.exports = (request) => {
  const i = next++;
  const scheduler = `bench-${i % schedulers}`;
  const room = `room-${Math.floor(i / schedulers) % rooms}`;
  const ping = request.method === 'PUT';
  const path = ping ? `/scheduler/${scheduler}/rooms/${room}/ping` : `/scheduler/${scheduler}/rooms/allocate`;
  const token = ping
    ? createHmac('sha256', String(process.env.BENCH_ROOMS_SECRET)).update(`${scheduler}/${room}`).digest('base64url')
    : String(process.env.BENCH_ADMIN_TOKEN);
  return { ...request, path, headers: { ...request.headers, authorization: `Bearer ${token}` } };
};
