import { useEffect, useState, type ReactNode } from 'react';
import { Button, Drawer, Empty, Input, Pagination, Segmented, Select, Skeleton, Tag, Typography } from 'antd';
import { AppstoreAddOutlined, AppstoreOutlined, CloseOutlined, FileSearchOutlined, FilterOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCatalogIndicators, useItemSearch } from '../api/items.ts';
import { LoadError } from '../components/status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { loose } from '../i18n/loose.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { ItemRow } from './components/ItemRow.tsx';

const pageSize = 10;
const topicsShown = 12;
type Audience = 'person' | 'entity';

/** Topic and life-event choices: the catalog's own words are the values, labels follow the language. */
function choices(group: 'topics' | 'lifeEvents', audience: Audience) {
  const values = zhCN[group][audience] as Record<string, string>;
  return Object.entries(values).map(([key, value]) => ({ key, value, i18nKey: `${group}.${audience}.${key}` }));
}

interface Filters {
  q: string;
  audience: Audience;
  dept?: string;
  topic?: string;
  event?: string;
  page: number;
}

function FilterControls({ f, update, stacked }: { f: Filters; update: (next: Partial<Filters>) => void; stacked?: boolean }) {
  const { t } = useTranslation();
  const lt = loose(t);
  const indicators = useCatalogIndicators();
  const depts = (indicators.data?.byDepartment ?? []).filter((d) => d.count > 0);
  const width = stacked ? '100%' : 200;
  const field = (label: string, node: ReactNode) =>
    stacked ? (
      <label className="tb-filter-field">
        <span>{label}</span>
        {node}
      </label>
    ) : (
      node
    );
  return (
    <>
      {field(
        t('home.filterDept'),
        <Select<string>
          aria-label={t('home.filterDept')}
          prefix={stacked ? undefined : <span className="tb-select-prefix">{t('home.filterDept')}</span>}
          placeholder={t('home.allDepts')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={f.dept}
          loading={indicators.isFetching}
          onChange={(v) => update({ dept: v })}
          options={depts.map((d) => ({ value: d.orgId, label: t('home.deptCount', { name: d.name, count: d.count }) }))}
          style={{ width }}
          popupMatchSelectWidth={false}
        />,
      )}
      {field(
        t('home.filterTopic'),
        <Select<string>
          aria-label={t('home.filterTopic')}
          prefix={stacked ? undefined : <span className="tb-select-prefix">{t('home.filterTopic')}</span>}
          placeholder={t('home.allTopics')}
          allowClear
          value={f.topic}
          onChange={(v) => update({ topic: v })}
          options={choices('topics', f.audience).map((c) => ({ value: c.value, label: lt(c.i18nKey) }))}
          style={{ width }}
          popupMatchSelectWidth={false}
        />,
      )}
      {field(
        t('home.filterEvent'),
        <Select<string>
          aria-label={t('home.filterEvent')}
          prefix={stacked ? undefined : <span className="tb-select-prefix">{t('home.filterEvent')}</span>}
          placeholder={t('home.allEvents')}
          allowClear
          value={f.event}
          onChange={(v) => update({ event: v })}
          options={choices('lifeEvents', f.audience).map((c) => ({ value: c.value, label: lt(c.i18nKey) }))}
          style={{ width }}
          popupMatchSelectWidth={false}
        />,
      )}
    </>
  );
}

/** The filters in force, each removable with one tap (on phones the selects are in a drawer). */
function ActiveFilters({ f, update }: { f: Filters; update: (next: Partial<Filters>) => void }) {
  const { t } = useTranslation();
  const lt = loose(t);
  const indicators = useCatalogIndicators();
  const chips: Array<{ key: keyof Filters; label: string }> = [];
  if (f.dept) chips.push({ key: 'dept', label: indicators.data?.byDepartment.find((d) => d.orgId === f.dept)?.name ?? t('home.filterDept') });
  const topic = choices('topics', f.audience).find((c) => c.value === f.topic);
  if (f.topic) chips.push({ key: 'topic', label: topic ? lt(topic.i18nKey) : f.topic });
  const event = choices('lifeEvents', f.audience).find((c) => c.value === f.event);
  if (f.event) chips.push({ key: 'event', label: event ? lt(event.i18nKey) : f.event });
  return (
    <>
      {chips.map((c) => (
        <Tag key={c.key} closable onClose={() => update({ [c.key]: undefined })} closeIcon={<CloseOutlined aria-label={`${t('home.clearFilters')}：${c.label}`} />} className="tb-chip">
          {c.label}
        </Tag>
      ))}
    </>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const lt = loose(t);
  useDocumentTitle(undefined);
  const [params, setParams] = useSearchParams();
  const f: Filters = {
    q: params.get('q')?.trim() ?? '',
    audience: params.get('for') === 'entity' ? 'entity' : 'person',
    // An agency id; anything else (an old or mistyped link) is ignored rather than sent.
    dept: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(params.get('dept') ?? '') ? params.get('dept')! : undefined,
    topic: params.get('topic') || undefined,
    event: params.get('event') || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const { q, audience, page } = f;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const [drawer, setDrawer] = useState(false);
  const [allTopics, setAllTopics] = useState(false);

  const search = useItemSearch({ q: q || undefined, page, pageSize, serviceObject: audience, dept: f.dept, topic: f.topic, lifeEvent: f.event });
  const filterCount = [f.dept, f.topic, f.event].filter(Boolean).length;
  const filtering = !!q || filterCount > 0;

  const update = (next: Partial<Filters>) => {
    const p = new URLSearchParams(params);
    const set = (k: string, v: string | undefined) => (v ? p.set(k, v) : p.delete(k));
    if ('q' in next) set('q', next.q?.trim() || undefined);
    if ('audience' in next) {
      set('for', next.audience === 'entity' ? 'entity' : undefined);
      // Topics and events differ between persons and entities.
      if (next.audience !== audience) {
        p.delete('topic');
        p.delete('event');
      }
    }
    if ('dept' in next) set('dept', next.dept);
    if ('topic' in next) set('topic', next.topic);
    if ('event' in next) set('event', next.event);
    set('page', next.page && next.page > 1 ? String(next.page) : undefined);
    setParams(p);
  };
  const clearFilters = () => update({ dept: undefined, topic: undefined, event: undefined });

  const topics = choices('topics', audience);
  const events = choices('lifeEvents', audience);
  const total = search.data?.total;

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
              onChange={(v) => update({ audience: v, q })}
              options={[
                { label: t('home.personal'), value: 'person' },
                { label: t('home.entity'), value: 'entity' },
              ]}
            />
          </div>
        </div>
      </section>

      <div className="tb-container tb-page">
        {!filtering && (
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
                <Link to="/bundles" className="tb-entry">
                  <AppstoreAddOutlined className="tb-entry-icon" aria-hidden />
                  <span>
                    <span className="tb-entry-title">{t('bundles.zone')}</span>
                    <br />
                    <span className="tb-entry-desc">{t('bundles.entryDesc')}</span>
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

            <section className="tb-section" aria-labelledby="events-title">
              <h2 id="events-title" className="tb-section-title" style={{ marginBottom: 2 }}>
                {t('home.lifeEvents')}
              </h2>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 10 }}>
                {t('home.lifeEventsDesc')} <Link to="/bundles">{t('bundles.zoneLink')}</Link>
              </Typography.Paragraph>
              <div className="tb-event-list">
                {events.map((e) => (
                  <button key={e.key} type="button" className="tb-event" onClick={() => update({ event: e.value })}>
                    {lt(e.i18nKey)}
                  </button>
                ))}
              </div>
            </section>

            <section className="tb-section" aria-labelledby="topics-title">
              <h2 id="topics-title" className="tb-section-title">
                {t('home.topics')}
              </h2>
              <div className="tb-topic-list">
                {(allTopics ? topics : topics.slice(0, topicsShown)).map((c) => (
                  <Button key={c.key} onClick={() => update({ topic: c.value })}>
                    {lt(c.i18nKey)}
                  </Button>
                ))}
                {topics.length > topicsShown && (
                  <Button type="link" onClick={() => setAllTopics(!allTopics)} aria-expanded={allTopics}>
                    {allTopics ? t('home.fewerTopics') : t('home.moreTopics')}
                  </Button>
                )}
              </div>
            </section>
          </>
        )}

        <section className="tb-section" aria-labelledby="items-title" aria-busy={search.isFetching}>
          <div className="tb-results-head">
            <h2 id="items-title" className="tb-section-title" style={{ margin: 0 }}>
              {q ? t('home.resultsFor', { q }) : filtering ? t('home.filtered') : t('home.itemsTitle')}
            </h2>
            {total !== undefined && (
              <Typography.Text type="secondary" aria-live="polite">
                {q ? t('home.resultsCount', { total }) : t('home.total', { total })}
              </Typography.Text>
            )}
            {q && (
              <Button type="link" style={{ padding: 0 }} onClick={() => update({ q: '' })}>
                {t('home.clearSearch')}
              </Button>
            )}
          </div>

          <div className="tb-filter-row tb-hide-xs" role="group" aria-label={t('home.filters')}>
            <FilterControls f={f} update={update} />
            {filterCount > 0 && (
              <Button type="link" onClick={clearFilters}>
                {t('home.clearFilters')}
              </Button>
            )}
          </div>
          <div className="tb-filter-row tb-show-xs">
            <Button icon={<FilterOutlined aria-hidden />} onClick={() => setDrawer(true)} aria-haspopup="dialog" type={filterCount > 0 ? 'primary' : 'default'} ghost={filterCount > 0}>
              {filterCount > 0 ? t('home.filtersActive', { count: filterCount }) : t('home.filters')}
            </Button>
            <ActiveFilters f={f} update={update} />
          </div>
          <Drawer
            open={drawer}
            onClose={() => setDrawer(false)}
            placement="bottom"
            size="auto"
            title={t('home.filtersTitle')}
            footer={
              <div style={{ display: 'flex', gap: 10 }}>
                <Button size="large" onClick={clearFilters} disabled={filterCount === 0} style={{ flex: 1 }}>
                  {t('home.clearFilters')}
                </Button>
                <Button size="large" type="primary" onClick={() => setDrawer(false)} style={{ flex: 2 }}>
                  {total !== undefined ? t('home.showResults', { total }) : t('home.showResultsPending')}
                </Button>
              </div>
            }
          >
            <div className="tb-filter-stack">
              <FilterControls f={f} update={update} stacked />
            </div>
          </Drawer>

          {search.isPending ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : search.isError ? (
            <LoadError error={search.error} onRetry={() => void search.refetch()} />
          ) : search.data.items.length === 0 ? (
            <Empty description={filtering ? t('home.noResults') : t('common.none')}>
              {filterCount > 0 && <Button onClick={clearFilters}>{t('home.clearFilters')}</Button>}
            </Empty>
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
                    update({ page: p });
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
