import { Tabs, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../api/auth.ts';
import { ForbiddenPage, NotFoundPage } from '../components/ErrorPages.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { CatalogPanel } from './CatalogPanel.tsx';
import { OrgsPanel } from './OrgsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

const sections = [
  { key: 'catalog', path: '/admin', roles: ['catalog_admin', 'platform_admin'] },
  { key: 'orgs', path: '/admin/orgs', roles: ['platform_admin'] },
  { key: 'users', path: '/admin/users', roles: ['platform_admin'] },
  { key: 'audit', path: '/admin/audit', roles: ['platform_admin'] },
] as const;

function AdminSections() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const visible = sections.filter((s) => hasAnyRole(me, s.roles));
  const current = [...sections].reverse().find((s) => location.pathname === s.path || location.pathname.startsWith(`${s.path}/`));
  const isPlatformAdmin = hasAnyRole(me, ['platform_admin']);
  const isCatalogAdmin = hasAnyRole(me, ['catalog_admin', 'platform_admin']);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      {visible.length > 1 && (
        <Tabs
          aria-label={t('admin.sectionsLabel')}
          activeKey={current?.key ?? 'catalog'}
          onChange={(k) => void navigate(sections.find((s) => s.key === k)!.path)}
          items={visible.map((s) => ({ key: s.key, label: t(`admin.${s.key}`) }))}
        />
      )}
      <Routes>
        <Route index element={isCatalogAdmin ? <CatalogPanel /> : <Navigate to="/admin/orgs" replace />} />
        <Route path="orgs" element={isPlatformAdmin ? <OrgsPanel /> : <ForbiddenPage />} />
        <Route path="users" element={isPlatformAdmin ? <UsersPanel /> : <ForbiddenPage />} />
        <Route path="audit" element={isPlatformAdmin ? <AuditPanel /> : <ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}

/** /admin/*: catalog administrators and the platform administrator. Loaded on demand. */
export function AdminApp() {
  return (
    <RequireAuth area="admin">
      <StaffLayout area="admin">
        <AdminSections />
      </StaffLayout>
    </RequireAuth>
  );
}
