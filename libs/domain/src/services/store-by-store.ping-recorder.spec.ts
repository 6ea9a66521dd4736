import { InMemoryInstanceStorage, InMemoryRoomStorage, pingRecorderContract } from '@maestro/testing';
import { StoreByStorePingRecorder } from './store-by-store.ping-recorder';

describe('StoreByStorePingRecorder', () => {
  pingRecorderContract(() => {
    const rooms = new InMemoryRoomStorage();
    const instances = new InMemoryInstanceStorage();
    return { recorder: new StoreByStorePingRecorder({ rooms, instances }), rooms, instances };
  });
});
