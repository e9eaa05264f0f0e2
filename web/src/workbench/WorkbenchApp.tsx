import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { ForbiddenPage, NotFoundPage } from '../components/ErrorPages.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import { BundleWorkPage } from './BundleWorkPage.tsx';
import { CaseWorkPage } from './CaseWorkPage.tsx';
import { HotlinePage } from './HotlinePage.tsx';
import { LicenseLookupPage } from './LicenseLookupPage.tsx';
import { QueuePage } from './QueuePage.tsx';
import { WindowIntakePage } from './WindowIntakePage.tsx';

/** The workbench's own pages: the queue, 窗口收件 for window clerks, 热线一件事 for hotline operators. */
function WorkbenchNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const atWindow = !!me?.permissions.includes('case:file_at_window');
  const hotline = !!me?.permissions.includes('hotline:refer');
  const licenses = !!me?.permissions.includes('license:read');
  if (!atWindow && !hotline && !licenses) return null;
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
      {me?.permissions.includes('case:read') && link('/workbench', t('intake.queueNav'), true)}
      {atWindow && link('/workbench/intake', t('intake.nav'))}
      {hotline && link('/workbench/hotline', t('hotline.nav'))}
      {licenses && link('/workbench/licenses', t('licenseLookup.nav'))}
    </nav>
  );
}

/** 窗口收件 is for window clerks; other staff who open the address are told they may not. */
function IntakeRoute() {
  const { data: me } = useMe();
  if (!me) return null;
  return me.permissions.includes('case:file_at_window') ? <WindowIntakePage /> : <ForbiddenPage />;
}

/** 热线一件事 is for hotline operators. */
function HotlineRoute() {
  const { data: me } = useMe();
  if (!me) return null;
  return me.permissions.includes('hotline:refer') ? <HotlinePage /> : <ForbiddenPage />;
}

/** 证照查询 is for staff who may read licenses (license:read). */
function LicensesRoute() {
  const { data: me } = useMe();
  if (!me) return null;
  return me.permissions.includes('license:read') ? <LicenseLookupPage /> : <ForbiddenPage />;
}

/** The queue for those who handle cases; a hotline operator (no cases) starts at 热线一件事. */
function IndexRoute() {
  const { data: me } = useMe();
  if (!me) return null;
  return !me.permissions.includes('case:read') && me.permissions.includes('hotline:refer') ? <Navigate to="/workbench/hotline" replace /> : <QueuePage />;
}

/** /workbench/*: window clerks, reviewers and hotline operators. Loaded on demand. */
export function WorkbenchApp() {
  return (
    <RequireAuth area="workbench">
      <StaffLayout area="workbench">
        <WorkbenchNav />
        <Routes>
          <Route index element={<IndexRoute />} />
          <Route path="intake" element={<IntakeRoute />} />
          <Route path="hotline" element={<HotlineRoute />} />
          <Route path="licenses" element={<LicensesRoute />} />
          <Route path="cases/:id" element={<CaseWorkPage />} />
          <Route path="bundles/:id" element={<BundleWorkPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </StaffLayout>
    </RequireAuth>
  );
}
