import { tokenStorageContract } from '../contracts/token-storage.contract';
import { InMemoryTokenStorage } from './in-memory-token-storage';

describe('InMemoryTokenStorage', () => {
  const storage = new InMemoryTokenStorage();
  tokenStorageContract(() => storage);
});
