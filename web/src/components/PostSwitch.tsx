import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types.ts';
import { useMyPosts, useSwitchPost } from '../admin/staffApi.ts';

/** A member of staff with posts in more than one organisation (or a delegation) picks where they work this session. */
export function PostSwitch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const posts = useMyPosts(me.subjectType === 'staff');
  const change = useSwitchPost();
  const list = posts.data?.posts ?? [];
  if (list.length < 2) return null;
  const current = list.find((p) => p.current);
  return (
    <Select
      aria-label={t('staffAdmin.workIn')}
      className="tb-hide-xs"
      size="small"
      style={{ minWidth: 200 }}
      value={current?.id ?? 'own'}
      loading={change.isPending}
      onChange={(v: string) => change.mutate(v === 'own' ? null : v, { onSuccess: () => window.location.assign(window.location.pathname.split('/').slice(0, 2).join('/') || '/') })}
      options={list.map((p) => ({ value: p.id ?? 'own', label: p.kind === 'delegation' ? t('staffAdmin.asDelegate', { org: p.orgName, name: p.delegatedByName ?? '' }) : p.orgName }))}
    />
  );
}
