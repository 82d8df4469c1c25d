import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DeploymentUnitOutlined,
  DiffOutlined,
  EditOutlined,
  FileTextOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { User } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';

/** One entry of the main navigation. */
export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only when this returns true for the signed-in user (null when anonymous). */
  visible?: (user: User | null) => boolean;
}

/** Reporters and unit heads act for one unit. */
function isUnitRole(user: User | null): boolean {
  return user?.role === 'reporter' || user?.role === 'unit_head';
}

/** The office's screens (督查室). */
function isOffice(user: User | null): boolean {
  return user?.role === 'admin';
}

/** The main navigation, in menu order. */
export const navItems: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <FileTextOutlined /> },
  { path: '/dashboard', label: 'nav.dashboard', icon: <BarChartOutlined /> },
  { path: '/ledger', label: 'nav.ledger', icon: <UnorderedListOutlined /> },
  { path: '/diff', label: 'nav.diff', icon: <DiffOutlined /> },
  { path: '/inbox', label: 'nav.inbox', icon: <EditOutlined />, visible: isUnitRole },
  {
    path: '/review',
    label: 'nav.review',
    icon: <AuditOutlined />,
    visible: isOffice,
  },
  {
    path: '/superior',
    label: 'nav.superior',
    icon: <DeploymentUnitOutlined />,
    visible: (user) => user?.role === 'admin' || user?.role === 'leader',
  },
  {
    path: '/import',
    label: 'nav.import',
    icon: <CloudUploadOutlined />,
    visible: isOffice,
  },
  {
    path: '/assign',
    label: 'nav.assign',
    icon: <ApartmentOutlined />,
    visible: isOffice,
  },
  {
    path: '/periods',
    label: 'nav.periods',
    icon: <CalendarOutlined />,
    visible: isOffice,
  },
  { path: '/admin', label: 'nav.admin', icon: <TeamOutlined />, visible: isOffice },
  {
    path: '/admin/organisations',
    label: 'nav.organisations',
    icon: <ClusterOutlined />,
    visible: isOffice,
  },
];

/** The nav item whose path best matches the current location. */
export function activeNavPath(pathname: string): string {
  const match = navItems
    .filter((item) => (item.path === '/' ? pathname === '/' : pathname.startsWith(item.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '';
}
