import { ApiProperty } from '@nestjs/swagger';

/** A port of a room, as the matchmaker reaches it. */
export class PortResponse {
  @ApiProperty({ example: 'gameport' }) name!: string;
  @ApiProperty({ description: 'Kubernetes protocol name, upper case', example: 'UDP' }) protocol!: string;
  @ApiProperty({ type: 'integer', format: 'int32', description: "the node's host port" }) port!: number;
}

/** Answer of the (deprecated) address route. */
export class RoomAddressResponse {
  @ApiProperty({ type: [PortResponse] }) ports!: PortResponse[];
  @ApiProperty({ description: "the node's address" }) host!: string;
  @ApiProperty({ description: 'always empty (kept for Maestro v9 clients)' }) ipv6Label!: string;
}

/** Answer of the allocate route (failures are error bodies, not success:false). */
export class AllocateRoomResponse {
  @ApiProperty({ description: 'the allocated room' }) roomId!: string;
  @ApiProperty() success!: boolean;
  @ApiProperty({ description: 'always empty' }) message!: string;
  @ApiProperty({ type: [PortResponse] }) ports!: PortResponse[];
  @ApiProperty({ description: "the node's address" }) host!: string;
}
