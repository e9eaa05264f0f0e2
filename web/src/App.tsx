import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { NotFoundPage } from './components/ErrorPages.tsx';
import { Providers } from './components/Providers.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { PageLoading } from './components/status.tsx';
import { HomePage } from './portal/HomePage.tsx';
import { ItemGuidePage } from './portal/ItemGuidePage.tsx';
import { LoginPage } from './portal/LoginPage.tsx';
import { MyCaseDetailPage } from './portal/MyCaseDetailPage.tsx';
import { MyBundleCasePage } from './portal/MyBundleCasePage.tsx';
import { MyCasesPage } from './portal/MyCasesPage.tsx';
import { NotificationsPage } from './portal/NotificationsPage.tsx';
import { PortalLayout } from './portal/PortalLayout.tsx';
import { BundlesPage } from './portal/BundlesPage.tsx';
import { BundlePage } from './portal/BundlePage.tsx';
import { WalletPage } from './portal/WalletPage.tsx';
import { WalletDetailPage } from './portal/WalletDetailPage.tsx';
import { LicenseVerifyPage } from './portal/LicenseVerifyPage.tsx';

// Staff areas are loaded only when visited: citizens on phones never download them.
// The apply wizard brings the date picker and upload code: load it when someone applies.
const AccountPage = lazy(() => import('./portal/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const RegisterPage = lazy(() => import('./portal/RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })));
const ResetPasswordPage = lazy(() => import('./portal/RegisterPage.tsx').then((m) => ({ default: m.ResetPasswordPage })));
const ApplyPage = lazy(() => import('./portal/ApplyPage.tsx').then((m) => ({ default: m.ApplyPage })));
const WorkbenchApp = lazy(() => import('./workbench/WorkbenchApp.tsx').then((m) => ({ default: m.WorkbenchApp })));
const AdminApp = lazy(() => import('./admin/AdminApp.tsx').then((m) => ({ default: m.AdminApp })));
const DashboardApp = lazy(() => import('./dashboard/DashboardApp.tsx').then((m) => ({ default: m.DashboardApp })));

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route element={<PortalLayout />}>
              <Route index element={<HomePage />} />
              <Route path="login" element={<LoginPage />} />
              <Route path="register" element={<RegisterPage />} />
              <Route path="reset-password" element={<ResetPasswordPage />} />
              <Route
                path="my/account"
                element={
                  <RequireAuth>
                    <AccountPage />
                  </RequireAuth>
                }
              />
              <Route path="items/:implCode" element={<ItemGuidePage />} />
              <Route path="bundles" element={<BundlesPage />} />
              <Route path="bundles/:code" element={<BundlePage />} />
              <Route path="licenses/verify/:ref" element={<LicenseVerifyPage />} />
              <Route
                path="items/:implCode/apply"
                element={
                  <RequireAuth>
                    <ApplyPage />
                  </RequireAuth>
                }
              />
              <Route
                path="my/cases"
                element={
                  <RequireAuth>
                    <MyCasesPage />
                  </RequireAuth>
                }
              />
              <Route
                path="my/cases/:id"
                element={
                  <RequireAuth>
                    <MyCaseDetailPage />
                  </RequireAuth>
                }
              />
              <Route
                path="my/bundles/:id"
                element={
                  <RequireAuth>
                    <MyBundleCasePage />
                  </RequireAuth>
                }
              />
              <Route
                path="my/licenses"
                element={
                  <RequireAuth>
                    <WalletPage />
                  </RequireAuth>
                }
              />
              <Route
                path="my/licenses/:ref"
                element={
                  <RequireAuth>
                    <WalletDetailPage />
                  </RequireAuth>
                }
              />
              <Route
                path="my/notifications"
                element={
                  <RequireAuth>
                    <NotificationsPage />
                  </RequireAuth>
                }
              />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
            <Route path="workbench/*" element={<WorkbenchApp />} />
            <Route path="admin/*" element={<AdminApp />} />
            <Route path="dashboard/*" element={<DashboardApp />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </Providers>
  );
}
