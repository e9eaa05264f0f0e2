import { Badge, Tabs, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../api/auth.ts';
import type { Me } from '../api/types.ts';
import { ForbiddenPage, NotFoundPage } from '../components/ErrorPages.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { DevOutboxPanel } from './DevOutboxPanel.tsx';
import { CatalogPanel, ReviewPanel } from './CatalogPanel.tsx';
import { ItemEditorPage, NewItemPage } from './editor/ItemEditorPage.tsx';
import { OrgsPanel } from './OrgsPanel.tsx';
import { ConsistencyPanel, QualityPanel } from './QualityPanel.tsx';
import { useCatalogItems } from './queries.ts';
import { UsersPanel } from './UsersPanel.tsx';
import { BundleEditorPage, BundlesPanel } from './BundlesPanel.tsx';
import { LicensesPanel } from './licenses/LicensesPanel.tsx';
import { RegistersPanel } from './sharing/RegistersPanel.tsx';
import { ClientsPanel } from './oidc/ClientsPanel.tsx';
import { ResourcesPanel } from './sharing/ResourcesPanel.tsx';
import { RequestsPanel } from './sharing/RequestsPanel.tsx';
import { QueuePanel } from './sharing/QueuesPanel.tsx';
import { GrantsPanel } from './sharing/GrantsPanel.tsx';
import { AccessLogPanel } from './sharing/AccessLogPanel.tsx';

const CATALOG_ROLES = ['catalog_admin', 'platform_admin'];
/** 数据共享: the platform's data administrator and departments' data officers (both land at /admin). */
const DATA_ROLES = ['data_admin', 'data_officer'];

const sections = [
  { key: 'catalog', path: '/admin', roles: CATALOG_ROLES, label: 'admin.catalog' },
  { key: 'review', path: '/admin/review', roles: ['catalog_admin'], label: 'catalog.reviewTab' },
  { key: 'quality', path: '/admin/quality', roles: CATALOG_ROLES, label: 'catalog.qualityTab' },
  { key: 'consistency', path: '/admin/consistency', roles: CATALOG_ROLES, label: 'catalog.consistencyTab' },
  { key: 'bundles', path: '/admin/bundles', roles: CATALOG_ROLES, label: 'bundles.adminTab' },
  { key: 'licenses', path: '/admin/licenses', roles: ['platform_admin'], label: 'licensesAdmin.tab' },
  { key: 'clients', path: '/admin/clients', roles: ['platform_admin'], label: 'oidcAdmin.tab' },
  { key: 'orgs', path: '/admin/orgs', roles: ['platform_admin'], label: 'admin.orgs' },
  { key: 'users', path: '/admin/users', roles: ['platform_admin'], label: 'admin.users' },
  { key: 'audit', path: '/admin/audit', roles: ['platform_admin'], label: 'admin.audit' },
  { key: 'devOutbox', path: '/admin/dev-outbox', roles: ['platform_admin'], label: 'notify.devOutbox' },
  { key: 'sharingResources', path: '/admin/sharing/resources', roles: DATA_ROLES, label: 'sharingEx.resourcesTab' },
  { key: 'sharingRequests', path: '/admin/sharing/requests', roles: ['data_officer'], label: 'sharingEx.requestsTab' },
  { key: 'sharingReview', path: '/admin/sharing/review', roles: ['data_admin'], label: 'sharingEx.reviewTab' },
  { key: 'sharingProvide', path: '/admin/sharing/provide', roles: ['data_officer'], label: 'sharingEx.provideTab' },
  { key: 'sharingGrants', path: '/admin/sharing/grants', roles: ['data_admin'], label: 'sharingEx.grantsTab' },
  { key: 'sharingLog', path: '/admin/sharing/access-log', roles: DATA_ROLES, label: 'sharingEx.logTab' },
  { key: 'sharingRegisters', path: '/admin/sharing/registers', roles: DATA_ROLES, label: 'sharingRegisters.tab' },
] as const;

function canReview(me: Me | null | undefined): boolean {
  return !!me?.permissions.includes('catalog:review');
}

function AdminSections() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const visible = sections.filter((s) => hasAnyRole(me, s.roles) && (s.key !== 'review' || canReview(me)));
  const current = [...sections].reverse().find((s) => location.pathname === s.path || location.pathname.startsWith(`${s.path}/`));
  const isPlatformAdmin = hasAnyRole(me, ['platform_admin']);
  // How many versions wait for review, on the 待审核 tab (reviewers only).
  const queue = useCatalogItems({ versionStatus: 'submitted' }, canReview(me));
  const waiting = queue.data?.items.length ?? 0;
  const isCatalogAdmin = hasAnyRole(me, CATALOG_ROLES);
  const isDataAdmin = hasAnyRole(me, ['data_admin']);
  const isDataOfficer = hasAnyRole(me, ['data_officer']);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      {visible.length > 1 && (
        <Tabs
          aria-label={t('admin.sectionsLabel')}
          activeKey={current?.key ?? visible[0]?.key ?? 'catalog'}
          onChange={(k) => void navigate(sections.find((s) => s.key === k)!.path)}
          items={visible.map((s) => ({
            key: s.key,
            label:
              s.key === 'review' && waiting > 0 ? (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                  {t(s.label)}
                  <Badge count={waiting} size="small" color="#b7791f" />
                </span>
              ) : (
                t(s.label)
              ),
          }))}
        />
      )}
      <Routes>
        <Route index element={isCatalogAdmin ? <CatalogPanel /> : isDataAdmin || isDataOfficer ? <Navigate to="/admin/sharing/resources" replace /> : <Navigate to="/admin/orgs" replace />} />
        <Route path="items/new" element={isCatalogAdmin ? <NewItemPage /> : <ForbiddenPage />} />
        <Route path="items/:id" element={isCatalogAdmin ? <ItemEditorPage /> : <ForbiddenPage />} />
        <Route path="review" element={isCatalogAdmin && canReview(me) ? <ReviewPanel /> : <ForbiddenPage />} />
        <Route path="quality" element={isCatalogAdmin ? <QualityPanel /> : <ForbiddenPage />} />
        <Route path="consistency" element={isCatalogAdmin ? <ConsistencyPanel /> : <ForbiddenPage />} />
        <Route path="bundles" element={isCatalogAdmin ? <BundlesPanel /> : <ForbiddenPage />} />
        <Route path="bundles/:id" element={isCatalogAdmin ? <BundleEditorPage /> : <ForbiddenPage />} />
        <Route path="licenses" element={isPlatformAdmin ? <LicensesPanel /> : <ForbiddenPage />} />
        <Route path="sharing/registers" element={hasAnyRole(me, DATA_ROLES) ? <RegistersPanel /> : <ForbiddenPage />} />
        <Route path="clients" element={isPlatformAdmin ? <ClientsPanel /> : <ForbiddenPage />} />
        <Route path="orgs" element={isPlatformAdmin ? <OrgsPanel /> : <ForbiddenPage />} />
        <Route path="users" element={isPlatformAdmin ? <UsersPanel /> : <ForbiddenPage />} />
        <Route path="audit" element={isPlatformAdmin ? <AuditPanel /> : <ForbiddenPage />} />
        <Route path="dev-outbox" element={isPlatformAdmin ? <DevOutboxPanel /> : <ForbiddenPage />} />
        <Route path="sharing/resources" element={isDataAdmin || isDataOfficer ? <ResourcesPanel /> : <ForbiddenPage />} />
        <Route path="sharing/requests" element={isDataOfficer ? <RequestsPanel /> : <ForbiddenPage />} />
        <Route path="sharing/review" element={isDataAdmin ? <QueuePanel queue="review" /> : <ForbiddenPage />} />
        <Route path="sharing/provide" element={isDataOfficer ? <QueuePanel queue="provider" /> : <ForbiddenPage />} />
        <Route path="sharing/grants" element={isDataAdmin ? <GrantsPanel /> : <ForbiddenPage />} />
        <Route path="sharing/access-log" element={isDataAdmin || isDataOfficer ? <AccessLogPanel /> : <ForbiddenPage />} />
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
