import { instanceStorageContract } from '../contracts/instance-storage.contract';
import { InMemoryInstanceStorage } from './in-memory-instance-storage';

describe('InMemoryInstanceStorage', () => {
  const storage = new InMemoryInstanceStorage();
  instanceStorageContract(() => storage);
});
