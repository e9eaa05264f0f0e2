import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { ForbiddenPage, NotFoundPage } from '../components/ErrorPages.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import { BundleWorkPage } from './BundleWorkPage.tsx';
import { CaseWorkPage } from './CaseWorkPage.tsx';
import { QueuePage } from './QueuePage.tsx';
import { WindowIntakePage } from './WindowIntakePage.tsx';

/** The workbench's own pages: the queue, and 窗口收件 for window clerks. */
function WorkbenchNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me?.permissions.includes('case:file_at_window')) return null;
  const link = (to: string, label: string, end = false) => (
    <NavLink
      to={to}
      end={end}
      style={({ isActive }) => ({ padding: '6px 14px', borderRadius: 6, fontWeight: isActive ? 600 : 400, background: isActive ? '#eaf1fb' : undefined })}
    >
      {label}
    </NavLink>
  );
  return (
    <nav aria-label={t('workbench.title')} style={{ display: 'flex', gap: 8, marginBottom: 16 }}>
      {link('/workbench', t('intake.queueNav'), true)}
      {link('/workbench/intake', t('intake.nav'))}
    </nav>
  );
}

/** 窗口收件 is for window clerks; other staff who open the address are told they may not. */
function IntakeRoute() {
  const { data: me } = useMe();
  if (!me) return null;
  return me.permissions.includes('case:file_at_window') ? <WindowIntakePage /> : <ForbiddenPage />;
}

/** /workbench/*: window clerks and reviewers. Loaded on demand. */
export function WorkbenchApp() {
  return (
    <RequireAuth area="workbench">
      <StaffLayout area="workbench">
        <WorkbenchNav />
        <Routes>
          <Route index element={<QueuePage />} />
          <Route path="intake" element={<IntakeRoute />} />
          <Route path="cases/:id" element={<CaseWorkPage />} />
          <Route path="bundles/:id" element={<BundleWorkPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </StaffLayout>
    </RequireAuth>
  );
}
