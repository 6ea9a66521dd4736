import { roomSamplesContract } from '../contracts/room-samples.contract';
import { InMemoryRoomSamples } from './in-memory-room-samples';

describe('InMemoryRoomSamples', () => {
  roomSamplesContract((retentionMs) => new InMemoryRoomSamples(retentionMs));
});
