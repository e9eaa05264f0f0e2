import { useEffect, useState } from 'react';
import { Button, Empty, Input, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { AppstoreOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useItemSearch } from '../api/items.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { ItemRow } from './components/ItemRow.tsx';

const pageSize = 10;
type Audience = 'person' | 'entity';
const topicKeys = {
  person: Object.keys(zhCN.topics.person) as Array<keyof typeof zhCN.topics.person>,
  entity: Object.keys(zhCN.topics.entity) as Array<keyof typeof zhCN.topics.entity>,
};

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(undefined);
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const audience: Audience = params.get('for') === 'entity' ? 'entity' : 'person';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const search = useItemSearch({ q: q || undefined, page, pageSize, serviceObject: audience });

  const update = (next: { q?: string; for?: Audience; page?: number }) => {
    const p = new URLSearchParams(params);
    const set = (k: string, v: string | undefined) => (v ? p.set(k, v) : p.delete(k));
    if ('q' in next) set('q', next.q?.trim() || undefined);
    if ('for' in next) set('for', next.for === 'entity' ? 'entity' : undefined);
    set('page', next.page && next.page > 1 ? String(next.page) : undefined);
    setParams(p);
  };

  const topics =
    audience === 'entity'
      ? topicKeys.entity.map((k) => t(`topics.entity.${k}`))
      : topicKeys.person.map((k) => t(`topics.person.${k}`));

  return (
    <>
      <section className="tb-hero" aria-labelledby="hero-title">
        <div className="tb-container">
          <h1 id="hero-title">{t('home.heroTitle')}</h1>
          <p>{t('home.heroSub')}</p>
          <div role="search">
            <Input.Search
              size="large"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => update({ q: v })}
              placeholder={t('home.searchPlaceholder')}
              aria-label={t('home.searchLabel')}
              enterButton={t('home.searchButton')}
              allowClear
              type="search"
              enterKeyHint="search"
            />
          </div>
          <div style={{ marginTop: 14 }}>
            <Segmented<Audience>
              aria-label={t('home.audienceLabel')}
              value={audience}
              onChange={(v) => update({ for: v, q })}
              options={[
                { label: t('home.personal'), value: 'person' },
                { label: t('home.entity'), value: 'entity' },
              ]}
            />
          </div>
        </div>
      </section>

      <div className="tb-container tb-page">
        {!q && (
          <>
            <section className="tb-section" aria-labelledby="entries-title" style={{ marginTop: 4 }}>
              <h2 id="entries-title" className="tb-section-title">
                {t('home.entries')}
              </h2>
              <div className="tb-entry-grid">
                <Link to="/my/cases" className="tb-entry">
                  <FileSearchOutlined className="tb-entry-icon" aria-hidden />
                  <span>
                    <span className="tb-entry-title">{t('nav.myCases')}</span>
                    <br />
                    <span className="tb-entry-desc">{t('home.myCasesDesc')}</span>
                  </span>
                </Link>
                <a href="#items-title" className="tb-entry">
                  <AppstoreOutlined className="tb-entry-icon" aria-hidden />
                  <span>
                    <span className="tb-entry-title">{t('home.allItems')}</span>
                    <br />
                    <span className="tb-entry-desc">{t('home.allItemsDesc')}</span>
                  </span>
                </a>
              </div>
            </section>

            <section className="tb-section" aria-labelledby="topics-title">
              <h2 id="topics-title" className="tb-section-title">
                {t('home.topics')}
              </h2>
              <div className="tb-topic-list">
                {topics.map((name) => (
                  <Button key={name} onClick={() => update({ q: name })}>
                    {name}
                  </Button>
                ))}
              </div>
            </section>
          </>
        )}

        <section className="tb-section" aria-labelledby="items-title" aria-busy={search.isFetching}>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
            <h2 id="items-title" className="tb-section-title" style={{ margin: 0 }}>
              {q ? t('home.resultsFor', { q }) : t('home.itemsTitle')}
            </h2>
            {search.data && (
              <Typography.Text type="secondary" aria-live="polite">
                {q ? t('home.resultsCount', { total: search.data.total }) : t('common.total', { total: search.data.total })}
              </Typography.Text>
            )}
            {q && (
              <Button type="link" style={{ padding: 0 }} onClick={() => update({ q: '' })}>
                {t('home.clearSearch')}
              </Button>
            )}
          </div>
          {search.isPending ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : search.isError ? (
            <LoadError error={search.error} onRetry={() => void search.refetch()} />
          ) : search.data.items.length === 0 ? (
            <Empty description={q ? t('home.noResults') : t('common.none')} />
          ) : (
            <>
              <div>
                {search.data.items.map((item) => (
                  <ItemRow key={item.implCode} item={item} />
                ))}
              </div>
              {search.data.total > pageSize && (
                <Pagination
                  style={{ marginTop: 16, justifyContent: 'center' }}
                  current={page}
                  pageSize={pageSize}
                  total={search.data.total}
                  showSizeChanger={false}
                  simple
                  onChange={(p) => {
                    update({ page: p, q });
                    document.getElementById('items-title')?.scrollIntoView({ block: 'start' });
                  }}
                />
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
