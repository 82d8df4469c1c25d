import { Button } from 'antd';
import { Link } from 'react-router';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../api/client.js';
import type { InboxNotification } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useApiAction } from '../api/use-api-action.js';
import { Panel } from '../components/panel.js';
import { withAppContext } from '../components/with-app-context.js';
import { useI18n } from '../i18n/i18n.js';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * The web page for a notification's link: tasks are pages of their own; a period (/periods/7) or
 * a returned report (/progress/9) is worked on from the unit's inbox.
 */
export function notificationPage(link: string): string {
  const period = /^\/periods\/(\d+)$/.exec(link);
  if (period) return `/inbox?period=${period[1]}`;
  if (/^\/progress\/\d+$/.test(link)) return '/inbox';
  return link;
}

/**
 * 通知 — the signed-in user's notifications (opened periods, returned reports, deadlines, leaders'
 * instructions), newest first, each linking to the task or period it is about. Units see it on
 * their inbox, the office on its review queue.
 */
export const NotificationList = withAppContext(NotificationPanel);

function NotificationPanel() {
  const { t } = useI18n();
  const inbox = useApi('notifications', listNotifications);
  const notifications = inbox.data?.notifications ?? [];
  const unread = inbox.data?.unread ?? 0;

  const act = useApiAction(inbox.reload);
  const markRead = (notification: InboxNotification | null) =>
    act(() => (notification ? markNotificationRead(notification.id) : markAllNotificationsRead()));

  return (
    <Panel
      title={
        <>
          {t('notifications.title')}
          {unread > 0 ? (
            <span className="status-tag status-behind notification-count" data-testid="notification-unread">
              {t('notifications.unread', { count: unread })}
            </span>
          ) : null}
        </>
      }
      testId="notifications"
    >
      {inbox.status === 'ok' && notifications.length === 0 ? (
        <p className="empty-note">{t('notifications.none')}</p>
      ) : (
        <ol className="plain-list notification-list">
          {notifications.map((notification) => (
            <li
              key={notification.id}
              className={notification.readAt ? 'notification' : 'notification notification-unread'}
              data-testid="notification"
            >
              <div className="task-card-meta">
                {notification.readAt ? null : (
                  <span className="status-tag status-behind">{t('notifications.new')}</span>
                )}
                <strong>{notification.title}</strong>
                <span className="secondary">{when(notification.createdAt)}</span>
              </div>
              <p className="report-narrative">{notification.body}</p>
              <div className="task-card-meta">
                {notification.link ? (
                  <Link
                    to={notificationPage(notification.link)}
                    onClick={() => void markRead(notification)}
                    aria-label={`${t('notifications.open')}：${notification.title}`}
                  >
                    {t('notifications.open')}
                  </Link>
                ) : null}
                {notification.readAt ? null : (
                  <Button size="small" type="link" onClick={() => void markRead(notification)}>
                    {t('notifications.markRead')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {unread > 1 ? (
        <Button size="small" onClick={() => void markRead(null)}>
          {t('notifications.markAllRead')}
        </Button>
      ) : null}
    </Panel>
  );
}
