import { LoginOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Select, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../components/page-state.js';
import { type Locale, useI18n } from '../i18n/i18n.js';
import { useCurrentReport, withReport } from '../session/current-report.js';
import { useSession } from '../session/session.js';
import { activeNavPath, navItems } from './nav-items.js';

const { Header, Sider, Content, Footer } = Layout;

/** The frame of every page: header with language switch and sign-in, navigation, content. */
export function AppLayout() {
  const { t, locale, setLocale } = useI18n();
  const { user, logout } = useSession();
  const { reports, reportId, reportParam } = useCurrentReport();
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const navigate = useNavigate();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Before the first measurement useBreakpoint is empty; assume a wide screen only when it says so.
  const wide = screens.md === true;

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[activeNavPath(location.pathname)]}
      onClick={() => setDrawerOpen(false)}
      items={navItems
        .filter((item) => !item.visible || item.visible(user ?? null))
        .map((item) => ({
          key: item.path,
          icon: item.icon,
          label: <Link to={withReport(item.path, reportParam)}>{t(item.label)}</Link>,
        }))}
    />
  );

  const changeReport = (id: string) => {
    navigate(withReport(location.pathname, id));
  };

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
        <Space className="header-tools" size="small">
          {wide && reports && reports.length > 1 ? (
            <Select
              aria-label={t('report.select')}
              value={reportId ?? undefined}
              onChange={changeReport}
              style={{ width: 260 }}
              options={reports.map((r) => ({ value: String(r.id), label: r.title }))}
            />
          ) : null}
          <Select<Locale>
            aria-label={t('lang.switch')}
            data-testid="language-switch"
            value={locale}
            onChange={setLocale}
            style={{ width: wide ? 110 : 92 }}
            options={[
              { value: 'zh-CN', label: t('lang.zh') },
              { value: 'en', label: t('lang.en') },
            ]}
          />
          {user ? (
            <Space size={4}>
              {wide ? (
                <Typography.Text className="header-user" data-testid="current-user">
                  {user.displayName ?? user.username}
                </Typography.Text>
              ) : null}
              <Button
                className="header-button"
                icon={<LogoutOutlined />}
                onClick={() => void logout()}
                aria-label={t('auth.logout')}
              >
                {wide ? t('auth.logout') : null}
              </Button>
            </Space>
          ) : user === null ? (
            <Link to="/login" className="header-login">
              <LoginOutlined /> {t('auth.login')}
            </Link>
          ) : null}
        </Space>
      </Header>
      <Layout>
        {wide ? (
          <Sider width={200} theme="light" className="app-sider">
            <nav aria-label={t('nav.main')}>{menu}</nav>
          </Sider>
        ) : (
          <Drawer
            title={t('app.name')}
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={240}
          >
            <nav aria-label={t('nav.main')}>{menu}</nav>
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
