import { LockOutlined, LoginOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../components/page-state.js';
import { type Locale, useI18n } from '../i18n/i18n.js';
import { useCurrentReport, withReport } from '../session/current-report.js';
import { useSession } from '../session/session.js';
import { activeNavPath, navItems } from './nav-items.js';

const { Header, Sider, Content, Footer } = Layout;

// antd's Select is heavy; most installations hold one report, so the switcher loads on demand.
const ReportSwitcher = lazy(() =>
  import('./report-switcher.js').then((m) => ({ default: m.ReportSwitcher })),
);

const locales: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'EN' },
];

/** The frame of every page: header with language switch and sign-in, navigation, content. */
export function AppLayout() {
  const { t, locale, setLocale } = useI18n();
  const { user, logout } = useSession();
  const { reports, reportParam } = useCurrentReport();
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Before the first measurement useBreakpoint is empty; assume a wide screen only when it says so.
  const wide = screens.md === true;
  const active = activeNavPath(location.pathname);
  // A one-time password is changed before anything else (the API refuses other calls meanwhile).
  if (user?.mustChangePassword && location.pathname !== '/account/password') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/account/password?next=${next}`} replace />;
  }

  // Plain links rather than antd's Menu: same look, a fraction of the first-load JavaScript.
  const menu = (
    <nav aria-label={t('nav.main')}>
      <ul className="nav-list">
        {navItems
          .filter((item) => !item.visible || item.visible(user ?? null))
          .map((item) => (
            <li key={item.path}>
              <Link
                to={withReport(item.path, reportParam)}
                className={item.path === active ? 'nav-link active' : 'nav-link'}
                aria-current={item.path === active ? 'page' : undefined}
                onClick={() => setDrawerOpen(false)}
              >
                <span aria-hidden="true">{item.icon}</span>
                {t(item.label)}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main-content">
        {locale === 'en' ? 'Skip to content' : '跳到正文'}
      </a>
      <Header className="app-header">
        {wide ? null : (
          <Button
            type="text"
            className="header-button"
            icon={<MenuOutlined />}
            aria-label={t('nav.menu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
            data-testid="nav-toggle"
          />
        )}
        <Link to={withReport('/', reportParam)} className="brand">
          <span className="brand-name">{t('app.name')}</span>
          {wide ? <span className="brand-tagline">{t('app.tagline')}</span> : null}
        </Link>
        <div className="header-tools">
          {wide && reports && reports.length > 1 ? (
            <Suspense fallback={null}>
              <ReportSwitcher />
            </Suspense>
          ) : null}
          <fieldset className="language-switch" data-testid="language-switch">
            <legend className="visually-hidden">{t('lang.switch')}</legend>
            {locales.map((option) => (
              <label key={option.value} className={option.value === locale ? 'checked' : undefined}>
                <input
                  type="radio"
                  name="language"
                  value={option.value}
                  checked={option.value === locale}
                  onChange={() => setLocale(option.value)}
                />
                <span lang={option.value}>{option.label}</span>
              </label>
            ))}
          </fieldset>
          {user ? (
            <>
              {wide ? (
                <span className="header-user" data-testid="current-user">
                  {user.displayName || user.username}
                </span>
              ) : null}
              <Link
                to="/account/password"
                className="header-login"
                aria-label={t('account.password')}
                data-testid="change-password-link"
              >
                <LockOutlined /> {wide ? t('account.password') : null}
              </Link>
              <Button
                className="header-button"
                icon={<LogoutOutlined />}
                onClick={() => void logout()}
                aria-label={t('auth.logout')}
              >
                {wide ? t('auth.logout') : null}
              </Button>
            </>
          ) : user === null ? (
            <Link to="/login" className="header-login">
              <LoginOutlined /> {t('auth.login')}
            </Link>
          ) : null}
        </div>
      </Header>
      <Layout>
        {wide ? (
          <Sider width={200} theme="light" className="app-sider">
            {menu}
          </Sider>
        ) : (
          <Drawer
            title={t('app.name')}
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={240}
          >
            {menu}
          </Drawer>
        )}
        <Layout className="app-body">
          <Content id="main-content" className="app-content" tabIndex={-1}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Content>
          <Footer className="app-footer">{t('footer.text')}</Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
