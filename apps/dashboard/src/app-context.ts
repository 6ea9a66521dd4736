import { createContext, useContext } from 'react';
import type { ManagementClient } from './api/client';
import type { CurrentToken } from './api/session';

/** What every page needs: the API client and the token it acts as. */
export interface AppContextValue {
  client: ManagementClient;
  token: CurrentToken;
  /** Ends the session (a 401 from the API, or the sign-out button). */
  signOut(reason?: string): void;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
