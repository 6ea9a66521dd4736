// setupRequest functions of bench/rooms-api-ping.bench.ts. They run in autocannon's worker thread
// (workers mode takes functions as files), each with its own counter: request i pings room
// floor(i / S) of scheduler i mod S, or allocates from scheduler i mod S, round robin.
// S and R come from BENCH_SCHEDULERS and BENCH_ROOMS_PER_SCHEDULER (the worker copies the env).
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
  const path =
    request.method === 'PUT' ? `/scheduler/${scheduler}/rooms/room-${Math.floor(i / schedulers) % rooms}/ping` : `/scheduler/${scheduler}/rooms/allocate`;
  return { ...request, path };
};
