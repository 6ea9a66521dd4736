import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { AbortedError, AlreadyExistsError, ConflictError, InvalidArgumentError, NotFoundError, UnexpectedError } from '@maestro/domain';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';

class ContainerRequest {
  @IsString() name!: string;
}

class SpecRequest {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContainerRequest)
  containers!: ContainerRequest[];
}

export class CreateThingRequest {
  @IsString() name!: string;
  @IsOptional() @IsInt() maxSurge?: number;
  @IsOptional()
  @ValidateNested()
  @Type(() => SpecRequest)
  spec?: SpecRequest;
}

export class TouchThingRequest {
  @IsOptional() @IsString() reason?: string;
}

/** What GET /things/:thingName throws, by name. */
export const THROWN: Record<string, () => Error> = {
  invalid: () => new InvalidArgumentError('thing name is invalid'),
  missing: () => new NotFoundError('thing missing not found'),
  duplicate: () => new AlreadyExistsError('thing duplicate already exists'),
  busy: () => new ConflictError('thing busy has an ongoing operation'),
  final: () => new AbortedError('thing final is in a final status'),
  broken: () => new UnexpectedError('failed to fetch thing from storage', { cause: new Error('connection reset') }),
  crash: () => new TypeError('secret internals'),
};

/** Requests to GET /things/slow/request: entered, and released by the test (or never). */
export const slowRequests = {
  entered: 0,
  release: (): void => undefined,
};

/** A small controller of the platform tests: route templates, bodies, and domain errors by kind. */
@Controller('things')
export class ThingsController {
  @Get()
  list(): { things: string[] } {
    return { things: [] };
  }

  @Get('slow/request')
  async slow(): Promise<{ slow: true }> {
    slowRequests.entered += 1;
    await new Promise<void>((resolve) => (slowRequests.release = resolve));
    return { slow: true };
  }

  @Get('echo/query')
  echoQuery(@Query() query: Record<string, unknown>): { query: Record<string, unknown> } {
    return { query };
  }

  @Get(':thingName')
  get(@Param('thingName') name: string): { name: string } {
    const thrown = THROWN[name];
    if (thrown) throw thrown();
    return { name };
  }

  @Post()
  create(@Body() body: CreateThingRequest): { received: CreateThingRequest } {
    return { received: body };
  }

  @Put(':thingName')
  touch(@Param('thingName') name: string, @Body() body: TouchThingRequest): { name: string; received: TouchThingRequest } {
    return { name, received: body };
  }
}
