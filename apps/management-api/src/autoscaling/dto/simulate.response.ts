import { ApiProperty } from '@nestjs/swagger';

export class SimulationStepResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'integer' }) occupied!: number;
  @ApiProperty({ type: 'integer' }) ready!: number;
  @ApiProperty({ type: 'integer' }) desired!: number;
}

export class SimulationSummaryResponse {
  @ApiProperty({ description: 'rooms kept, in room-hours' }) roomHours!: number;
  @ApiProperty({ description: 'demand without a ready room, in room-minutes' }) shortfallRoomMinutes!: number;
  @ApiProperty() minutesWithoutReadyRoom!: number;
  @ApiProperty({ type: 'integer' }) scaleOperations!: number;
  @ApiProperty({ type: 'integer' }) peakRooms!: number;
}

export class SimulationResponse {
  @ApiProperty({ type: [SimulationStepResponse] }) steps!: SimulationStepResponse[];
  @ApiProperty({ type: SimulationSummaryResponse }) summary!: SimulationSummaryResponse;
}

export class SimulateResponse {
  @ApiProperty({ type: [SimulationStepResponse], required: false, description: 'without candidates' }) steps?: SimulationStepResponse[];
  @ApiProperty({ type: SimulationSummaryResponse, required: false, description: 'without candidates' }) summary?: SimulationSummaryResponse;
  @ApiProperty({ type: [SimulationResponse], required: false, description: 'with candidates, in their order' }) candidates?: SimulationResponse[];
}
