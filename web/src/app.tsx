import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { RequireRole } from './components/require-role.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { AppLayout } from './layout/app-layout.js';
import { HomePage } from './pages/home-page.js';
import { RouteErrorPage } from './pages/route-error-page.js';
import { CurrentReportProvider } from './session/current-report.js';
import { SessionProvider } from './session/session.js';

// Route-level code splitting: the first page (home) ships in the entry chunk, the rest load on demand.
const LedgerPage = lazy(() => import('./pages/ledger-page.js').then((m) => ({ default: m.LedgerPage })));
const DashboardPage = lazy(() =>
  import('./pages/dashboard-page.js').then((m) => ({ default: m.DashboardPage })),
);
const TaskPage = lazy(() => import('./pages/task-page.js').then((m) => ({ default: m.TaskPage })));
const AdminPage = lazy(() => import('./pages/admin-page.js').then((m) => ({ default: m.AdminPage })));
const OrganisationsPage = lazy(() =>
  import('./pages/organisations-page.js').then((m) => ({ default: m.OrganisationsPage })),
);
const NotFoundPage = lazy(() =>
  import('./pages/not-found-page.js').then((m) => ({ default: m.NotFoundPage })),
);
const InboxPage = lazy(() => import('./pages/inbox-page.js').then((m) => ({ default: m.InboxPage })));
const ProgressFormPage = lazy(() =>
  import('./pages/progress-form-page.js').then((m) => ({ default: m.ProgressFormPage })),
);
const ReviewPage = lazy(() => import('./pages/review-page.js').then((m) => ({ default: m.ReviewPage })));
const PeriodsPage = lazy(() => import('./pages/periods-page.js').then((m) => ({ default: m.PeriodsPage })));
const ImportPage = lazy(() => import('./pages/import-page.js').then((m) => ({ default: m.ImportPage })));
const DiffPage = lazy(() => import('./pages/diff-page.js').then((m) => ({ default: m.DiffPage })));
const LoginPage = lazy(() => import('./pages/login-page.js').then((m) => ({ default: m.LoginPage })));
const PasswordPage = lazy(() =>
  import('./pages/password-page.js').then((m) => ({ default: m.PasswordPage })),
);
const SuperiorTasksPage = lazy(() =>
  import('./pages/superior-tasks-page.js').then((m) => ({ default: m.SuperiorTasksPage })),
);
const ReportUpPage = lazy(() =>
  import('./pages/report-up-page.js').then((m) => ({ default: m.ReportUpPage })),
);
const DecompositionPage = lazy(() =>
  import('./pages/decomposition-page.js').then((m) => ({ default: m.DecompositionPage })),
);
const AssignmentsPage = lazy(() =>
  import('./pages/assignments-page.js').then((m) => ({ default: m.AssignmentsPage })),
);

/** The office's screens (督查室): other roles get a 无权访问 notice rather than forms. */
const officeOnly = (page: ReactNode) => <RequireRole roles={['admin']}>{page}</RequireRole>;
/** 上级交办 and the cascade views: the office acts, leaders read. */
const officeAndLeaders = (page: ReactNode) => <RequireRole roles={['admin', 'leader']}>{page}</RequireRole>;
/** A unit's report form: only its reporters and head fill it in. */
const unitOnly = (page: ReactNode) => <RequireRole roles={['reporter', 'unit_head']}>{page}</RequireRole>;
/** Pages of any signed-in user; visitors are sent to sign in and brought back. */
const signedInOnly = (page: ReactNode) => (
  <RequireRole roles={['admin', 'leader', 'reporter', 'unit_head']}>{page}</RequireRole>
);

function Providers() {
  return (
    <CurrentReportProvider>
      <Outlet />
    </CurrentReportProvider>
  );
}

const router = createBrowserRouter([
  {
    element: <Providers />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            // A page that fails to load (a chunk gone after an upgrade) or to render shows a
            // message inside the frame, not the router's raw error.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'dashboard', element: <DashboardPage /> },
              { path: 'ledger', element: <LedgerPage /> },
              { path: 'diff', element: <DiffPage /> },
              { path: 'tasks/:taskId', element: <TaskPage /> },
              { path: 'admin', element: officeOnly(<AdminPage />) },
              { path: 'admin/organisations', element: officeOnly(<OrganisationsPage />) },
              { path: 'import', element: officeOnly(<ImportPage />) },
              { path: 'assign', element: officeOnly(<AssignmentsPage />) },
              { path: 'inbox', element: signedInOnly(<InboxPage />) },
              { path: 'periods', element: officeOnly(<PeriodsPage />) },
              { path: 'periods/:periodId/tasks/:taskId', element: unitOnly(<ProgressFormPage />) },
              { path: 'review', element: officeOnly(<ReviewPage />) },
              { path: 'superior', element: officeAndLeaders(<SuperiorTasksPage />) },
              { path: 'superior/:id/periods/:periodId', element: officeAndLeaders(<ReportUpPage />) },
              {
                path: 'organisations/:organisationId/decomposition',
                element: officeAndLeaders(<DecompositionPage />),
              },
              { path: 'login', element: <LoginPage /> },
              { path: 'account/password', element: <PasswordPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

/** The focus and hover look of form fields (see ThemedApp). */
const FIELD_FOCUS = {
  activeBorderColor: '#3b5b7e',
  hoverBorderColor: '#6b7f95',
  activeShadow: '0 0 0 2px rgba(59, 91, 126, 0.15)',
};

/** Ant Design in the user's language, with a theme whose text colors meet WCAG AA contrast. */
function ThemedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{
        token: {
          colorPrimary: '#b7282e',
          // Darker than antd's defaults so secondary text and links reach 4.5:1 on white.
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorLink: '#0950c3',
          borderRadius: 6,
        },
        // Inputs focus and hover in a neutral slate, not the red brand colour, which reads as an error.
        components: {
          Input: FIELD_FOCUS,
          InputNumber: FIELD_FOCUS,
          Select: { ...FIELD_FOCUS, activeOutlineColor: FIELD_FOCUS.activeShadow },
          DatePicker: FIELD_FOCUS,
          Mentions: FIELD_FOCUS,
        },
      }}
    >
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ConfigProvider>
  );
}

/** The whole web app. */
export function App() {
  return (
    <I18nProvider>
      <ThemedApp />
    </I18nProvider>
  );
}
