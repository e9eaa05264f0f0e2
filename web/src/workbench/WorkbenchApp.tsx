import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/ErrorPages.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import { BundleWorkPage } from './BundleWorkPage.tsx';
import { CaseWorkPage } from './CaseWorkPage.tsx';
import { QueuePage } from './QueuePage.tsx';

/** /workbench/*: window clerks and reviewers. Loaded on demand. */
export function WorkbenchApp() {
  return (
    <RequireAuth area="workbench">
      <StaffLayout area="workbench">
        <Routes>
          <Route index element={<QueuePage />} />
          <Route path="cases/:id" element={<CaseWorkPage />} />
          <Route path="bundles/:id" element={<BundleWorkPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </StaffLayout>
    </RequireAuth>
  );
}
