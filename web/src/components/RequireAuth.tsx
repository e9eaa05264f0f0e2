import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { canEnter, useMe, type Area } from '../api/auth.ts';
import { ForbiddenPage, PlainFrame } from './ErrorPages.tsx';
import { LoadError, PageLoading } from './status.tsx';

/**
 * Renders children only for a signed-in user (and, with `area`, one whose
 * roles open that area). Anyone else goes to /login?next=… or sees a 403.
 */
export function RequireAuth({ children, area }: { children: ReactNode; area?: Area }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (area && !canEnter(me.data, area)) {
    return (
      <PlainFrame>
        <ForbiddenPage />
      </PlainFrame>
    );
  }
  return <>{children}</>;
}
