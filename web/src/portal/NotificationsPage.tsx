import { Badge, Button, Empty, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { api, errorMessage } from '../api/client.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { formatDateTime } from '../components/format.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  notifications: Notification[];
  unread: number;
  total: number;
}

const pageSize = 10;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (q: { unread?: boolean; page: number }) => ['notifications', 'list', q] as const,
  unread: ['notifications', 'unread'] as const,
};

/** How many unread messages the signed-in user has (the header badge); checked every minute. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<NotificationList>('/api/v1/me/notifications', { unread: true, pageSize: 1 }, signal),
    select: (d) => d.unread,
    enabled,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

function useNotifications(q: { unread?: boolean; page: number }) {
  return useQuery({
    queryKey: notificationKeys.list(q),
    queryFn: ({ signal }) => api.get<NotificationList>('/api/v1/me/notifications', { unread: q.unread, page: q.page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/v1/me/notifications/read-all'),
    onSettled: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** 消息 in the portal header, with the unread count; on a phone only the bell and the count show. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const unread = useUnreadCount(!!me);
  if (!me) return null;
  const n = unread.data ?? 0;
  return (
    <ButtonLink
      type="text"
      to="/my/notifications"
      aria-label={n > 0 ? t('notify.navUnread', { count: n }) : t('notify.nav')}
      title={t('notify.nav')}
      icon={
        <Badge count={n} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined aria-hidden />
        </Badge>
      }
    >
      <span className="tb-hide-xs">{t('notify.nav')}</span>
    </ButtonLink>
  );
}

/** 消息: what happened to my applications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notify.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unreadOnly = params.get('filter') === 'unread';
  const list = useNotifications({ unread: unreadOnly ? true : undefined, page });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };
  const setQuery = (next: { page?: number; unread?: boolean }) => {
    const p: Record<string, string> = {};
    if (next.unread ?? unreadOnly) p.filter = 'unread';
    if (next.page && next.page > 1) p.page = String(next.page);
    setParams(p);
  };

  return (
    <div className="tb-container tb-page" style={{ maxWidth: 860 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={1} className="tb-page-title" style={{ fontSize: '1.4em' }}>
          {t('notify.title')}
        </Typography.Title>
        {!!list.data?.unread && (
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('notify.markAllRead')}
          </Button>
        )}
      </div>
      <Segmented
        style={{ marginBottom: 12 }}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => setQuery({ unread: v === 'unread', page: 1 })}
        options={[
          { value: 'all', label: t('notify.filterAll') },
          { value: 'unread', label: list.data?.unread ? `${t('notify.filterUnread')} (${list.data.unread})` : t('notify.filterUnread') },
        ]}
      />
      {markAll.isError && <Typography.Paragraph type="danger">{errorMessage(markAll.error)}</Typography.Paragraph>}
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.notifications.length === 0 ? (
        <Empty description={unreadOnly ? t('notify.emptyUnread') : t('notify.empty')} />
      ) : (
        <>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-live="polite">
            {list.data.notifications.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className="tb-case-card"
                  onClick={() => open(n)}
                  style={{ width: '100%', textAlign: 'left', font: 'inherit', cursor: n.link ? 'pointer' : 'default', background: n.readAt ? '#fff' : '#f5f9ff', marginTop: 10 }}
                  aria-label={`${n.readAt ? '' : `${t('notify.unread')} `}${n.title}`}
                >
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
                    <span style={{ fontWeight: n.readAt ? 500 : 700 }}>
                      {!n.readAt && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                      {n.title}
                    </span>
                    <span className="tb-item-meta" style={{ margin: 0, whiteSpace: 'nowrap' }}>
                      {formatDateTime(n.createdAt)}
                    </span>
                  </div>
                  <div style={{ marginTop: 6, whiteSpace: 'pre-line' }}>{n.body}</div>
                  {n.link && (
                    <div style={{ marginTop: 6, color: '#1f5fbf', fontSize: '0.92em' }} aria-hidden>
                      {n.link.startsWith('/my/licenses') ? t('wallet.openLicense') : t('notify.openCase')} ›
                    </div>
                  )}
                </button>
              </li>
            ))}
          </ul>
          {list.data.total > pageSize && (
            <Pagination
              simple
              style={{ marginTop: 16, justifyContent: 'center' }}
              current={page}
              pageSize={pageSize}
              total={list.data.total}
              onChange={(p) => setQuery({ page: p })}
            />
          )}
        </>
      )}
    </div>
  );
}
