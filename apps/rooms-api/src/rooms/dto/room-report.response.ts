import { ApiProperty } from '@nestjs/swagger';

/** Answer of the ping route. */
export class PingResponse {
  @ApiProperty({ description: 'whether the ping was stored (false: unknown scheduler or room, refused status change...)' }) success!: boolean;
}

/** Answer of the (deprecated) status route. */
export class StatusEventResponse {
  @ApiProperty({ description: 'whether the status event was forwarded (true when no forwarder is enabled)' }) success!: boolean;
}

/** Answer of the roomevent and playerevent routes. */
export class ForwardEventResponse {
  @ApiProperty({ description: 'whether the event was forwarded (true when no forwarder is enabled)' }) success!: boolean;
  @ApiProperty({ description: 'why forwarding failed; empty on success' }) message!: string;
}
