import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import * as api from '../api/client.js';
import type { Session, User } from '../api/types.js';

interface SessionState {
  /** Undefined until GET /api/session has answered. */
  user: User | null | undefined;
  /** Signs in; answers the signed-in user. */
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
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
    if (!session.user) throw new Error('signed in without a user');
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    const session = await api.logout();
    setUser(session.user);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const session = await api.changePassword(currentPassword, newPassword);
    setUser(session.user);
  }, []);

  const value = useMemo(
    () => ({ user, login, logout, changePassword }),
    [user, login, logout, changePassword],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * Where a user goes after signing in when no page was asked for: a unit's people to 待报任务
 * (their work), everyone else to the dashboard.
 */
export function landingPath(user: User): string {
  return user.role === 'reporter' || user.role === 'unit_head' ? '/inbox' : '/dashboard';
}

/** `next` when it is a path of this app (so a crafted link cannot send the user elsewhere), else null. */
export function safeNextPath(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

/** The signed-in user (null when anonymous) and the login/logout actions. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
