import { LogField } from '@maestro/domain';
import { type LoggedLine, loggerContract } from '@maestro/testing';
import { createAppLogger, createPinoLogger, PinoDomainLogger, PinoNestLogger } from './logger';
import { prettyLine } from './pretty-stream';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

/** Pino's JSON lines read back as the Logger contract sees them: level, message, the other fields. */
function readLines(lines: string[]): LoggedLine[] {
  return lines.map((text) => {
    const { level, msg, time: _time, service: _service, version: _version, ...fields } = JSON.parse(text) as Record<string, unknown>;
    return { level: level as LoggedLine['level'], msg: String(msg), fields };
  });
}

describe('PinoDomainLogger, the Logger adapter', () => {
  loggerContract(() => {
    const out = capture();
    const logger = new PinoDomainLogger(createPinoLogger({ service: 'worker', level: 'debug', format: 'json', destination: out.destination }));
    return { logger, lines: () => readLines(out.lines) };
  });
});

describe('logging', () => {
  it('writes JSON lines with service, version, level and time', () => {
    const out = capture();
    const pino = createPinoLogger({ service: 'rooms-api', level: 'info', format: 'json', version: '1.2.3', destination: out.destination });
    pino.info({ room_id: 'r-1' }, 'room pinged');
    pino.debug('not written below the level');
    expect(out.lines).toHaveLength(1);
    expect(JSON.parse(out.lines[0])).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      service: 'rooms-api',
      version: '1.2.3',
      room_id: 'r-1',
      msg: 'room pinged',
    });
  });

  it('takes service, level and version from the configuration', () => {
    const out = capture();
    const pino = createAppLogger({ component: 'worker', log: { level: 'debug', format: 'json' }, version: '9.9.9' }, out.destination);
    pino.debug('tick');
    expect(JSON.parse(out.lines[0])).toMatchObject({ level: 'debug', service: 'worker', version: '9.9.9', msg: 'tick' });
  });

  it('gives the domain Logger port child loggers that carry their fields', () => {
    const out = capture();
    const logger = new PinoDomainLogger(createPinoLogger({ service: 'worker', level: 'debug', format: 'json', destination: out.destination }));
    const child = logger.child({ [LogField.SchedulerName]: 'game-a' }).child({ [LogField.OperationId]: 'op-1' });
    child.warn('operation stalled', { attempt: 2 });
    logger.error('unrelated');
    expect(JSON.parse(out.lines[0])).toMatchObject({ level: 'warn', scheduler_name: 'game-a', operation_id: 'op-1', attempt: 2, msg: 'operation stalled' });
    expect(JSON.parse(out.lines[1])).not.toHaveProperty('scheduler_name');
  });

  it("redacts secrets and routes Nest's own logs with their context", () => {
    const out = capture();
    const pino = createPinoLogger({ service: 'management-api', level: 'info', format: 'json', destination: out.destination });
    pino.info({ db: { password: 'hunter2' } }, 'connected');
    new PinoNestLogger(pino).log('Mapped {/schedulers, GET} route', 'RouterExplorer');
    expect(out.lines[0]).not.toContain('hunter2');
    expect(JSON.parse(out.lines[1])).toMatchObject({ context: 'RouterExplorer', msg: 'Mapped {/schedulers, GET} route' });
  });

  it('redacts secrets at every depth, in child loggers and in environment variables, and keeps the rest', () => {
    const out = capture();
    const pino = createPinoLogger({ service: 'worker', level: 'info', format: 'json', destination: out.destination });
    const deep = { a: { b: { c: { d: [{ e: { bootstrapToken: 's1', headers: { Authorization: 'Bearer s2' } } }] } } } };
    const env = [
      { name: 'MAESTRO_ROOM_TOKEN', value: 's3' },
      { name: 'GAME_MODE', value: 'ranked' },
    ];
    new PinoDomainLogger(pino).child({ config: { auth: { roomsApi: { secret: 's4' } } } }).info('started', { deep, env, token: 's5', name: 'kept' });
    const line = JSON.parse(out.lines[0]);
    for (const secret of ['s1', 's2', 's3', 's4', 's5']) expect(out.lines[0]).not.toContain(`"${secret}"`);
    expect(out.lines[0]).not.toContain('Bearer s2');
    expect(line.env).toEqual([
      { name: 'MAESTRO_ROOM_TOKEN', value: '[redacted]' },
      { name: 'GAME_MODE', value: 'ranked' },
    ]);
    expect(line.deep.a.b.c.d[0].e).toEqual({ bootstrapToken: '[redacted]', headers: { Authorization: '[redacted]' } });
    expect(line).toMatchObject({ name: 'kept', msg: 'started', config: { auth: { roomsApi: { secret: '[redacted]' } } } });
  });

  it('writes pretty lines for humans when asked, one per event, the level coloured', () => {
    const out = capture();
    createPinoLogger({ service: 'worker', level: 'info', format: 'pretty', destination: out.destination }).info({ scheduler_name: 'a' }, 'synced');
    expect(out.lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \u001b\[32mINFO \u001b\[39m synced scheduler_name=a\n$/);
    expect(prettyLine('{"level":"error","msg":"failed"}', true)).toBe('\u001b[31mERROR\u001b[39m failed');
    expect(prettyLine('{"level":"warn","msg":"slow"}')).toBe('WARN  slow');
    expect(prettyLine('not json')).toBe('not json');
  });

  it('writes pretty lines on a terminal and JSON lines elsewhere when the format is auto', () => {
    const onTerminal = capture();
    createPinoLogger({ service: 'worker', level: 'info', format: 'auto', terminal: true, destination: onTerminal.destination }).info('synced');
    expect(onTerminal.lines[0]).toMatch(/INFO .* synced\n$/);
    const piped = capture();
    createPinoLogger({ service: 'worker', level: 'info', format: 'auto', terminal: false, destination: piped.destination }).info('synced');
    expect(JSON.parse(piped.lines[0])).toMatchObject({ level: 'info', msg: 'synced' });
  });
});
