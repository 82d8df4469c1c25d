import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import * as api from '../api/client.js';
import type { Session, User } from '../api/types.js';

interface SessionState {
  /** Undefined until GET /api/session has answered. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads who is signed in once and exposes login/logout to the tree. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api.getSession().then(
      (session: Session) => setUser(session.user),
      // Without a session endpoint the public pages still work; treat it as signed out.
      () => setUser(null),
    );
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api.login(username, password);
    setUser(session.user);
  }, []);

  const logout = useCallback(async () => {
    const session = await api.logout();
    setUser(session.user);
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user (null when anonymous) and the login/logout actions. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
