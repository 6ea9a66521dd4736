import type { HttpClient } from './http-client';
import type {
  AllocateJson,
  AutoscalingDecisionJson,
  OperationItemJson,
  OperationJson,
  OperationStage,
  RoomJson,
  SchedulerInfoJson,
  SchedulerJson,
  SchedulerSummaryJson,
  SchedulerVersionJson,
  SimulateRequestJson,
  SimulateResponseJson,
  TokenJson,
} from './wire-types';

const seg = encodeURIComponent;

/** The routes the CLI uses (management-api.md section 2, rooms-api.md section 7). */
export class MaestroApi {
  constructor(private readonly http: HttpClient) {}

  listSchedulers() {
    return this.http.management<{ schedulers: SchedulerSummaryJson[] }>('GET', '/schedulers');
  }

  schedulersInfo() {
    return this.http.management<{ schedulers: SchedulerInfoJson[] }>('GET', '/schedulers/info');
  }

  async getScheduler(name: string, version?: string): Promise<SchedulerJson> {
    const query = version ? `?version=${seg(version)}` : '';
    return (await this.http.management<{ scheduler: SchedulerJson }>('GET', `/schedulers/${seg(name)}${query}`)).scheduler;
  }

  async createScheduler(body: SchedulerJson): Promise<SchedulerJson> {
    return (await this.http.management<{ scheduler: SchedulerJson }>('POST', '/schedulers', body)).scheduler;
  }

  async newVersion(name: string, body: SchedulerJson): Promise<string> {
    return (await this.http.management<{ operationId: string }>('POST', `/schedulers/${seg(name)}`, body)).operationId;
  }

  async patchScheduler(name: string, body: Partial<SchedulerJson>): Promise<string> {
    return (await this.http.management<{ operationId: string }>('PATCH', `/schedulers/${seg(name)}`, body)).operationId;
  }

  async switchVersion(name: string, version: string): Promise<string> {
    return (await this.http.management<{ operationId: string }>('PUT', `/schedulers/${seg(name)}`, { version })).operationId;
  }

  async versions(name: string): Promise<SchedulerVersionJson[]> {
    return (await this.http.management<{ versions: SchedulerVersionJson[] }>('GET', `/schedulers/${seg(name)}/versions`)).versions;
  }

  async deleteScheduler(name: string): Promise<string> {
    return (await this.http.management<{ operationId: string }>('DELETE', `/schedulers/${seg(name)}`)).operationId;
  }

  /** One stage of the scheduler's operations; the final stage's most recent 100. */
  async operations(name: string, stage: OperationStage): Promise<OperationItemJson[]> {
    const page = stage === 'final' ? '&perPage=100' : '';
    return (await this.http.management<{ operations: OperationItemJson[] }>('GET', `/schedulers/${seg(name)}/operations?stage=${stage}${page}`)).operations;
  }

  async operation(name: string, id: string): Promise<OperationJson> {
    return (await this.http.management<{ operation: OperationJson }>('GET', `/schedulers/${seg(name)}/operations/${seg(id)}`)).operation;
  }

  async cancel(name: string, id: string): Promise<void> {
    await this.http.management<unknown>('POST', `/schedulers/${seg(name)}/operations/${seg(id)}/cancel`);
  }

  async rooms(name: string): Promise<RoomJson[]> {
    return (await this.http.management<{ rooms: RoomJson[] }>('GET', `/schedulers/${seg(name)}/rooms`)).rooms;
  }

  /** The health controller's most recent decisions, newest first (the API's default number without `limit`). */
  async decisions(name: string, limit?: number): Promise<AutoscalingDecisionJson[]> {
    const query = limit === undefined ? '' : `?limit=${limit}`;
    return (await this.http.management<{ decisions: AutoscalingDecisionJson[] }>('GET', `/schedulers/${seg(name)}/autoscaling/decisions${query}`)).decisions;
  }

  simulate(name: string, body: SimulateRequestJson): Promise<SimulateResponseJson> {
    return this.http.management<SimulateResponseJson>('POST', `/schedulers/${seg(name)}/autoscaling/simulate`, body);
  }

  allocate(name: string): Promise<AllocateJson> {
    return this.http.rooms<AllocateJson>('POST', `/scheduler/${seg(name)}/rooms/allocate`, {});
  }

  currentToken(): Promise<TokenJson> {
    return this.http.management<TokenJson>('GET', '/tokens/current');
  }
}
