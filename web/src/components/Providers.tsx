import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { meKey } from '../api/auth.ts';
import { UiPrefsProvider, useUiPrefs } from './uiPrefs.tsx';
import { buildTheme } from './theme.ts';

function makeQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A session that expired mid-use: forget the user so guarded pages send them to login.
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== meKey[0]) {
          qc.setQueryData(meKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return qc;
}

function ThemedApp({ children, queryClient }: { children: ReactNode; queryClient: QueryClient }) {
  const { i18n } = useTranslation();
  const { largeText } = useUiPrefs();
  const lang = i18n.language;
  const theme = useMemo(() => buildTheme(largeText), [largeText]);

  useEffect(() => {
    dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
    document.documentElement.classList.toggle('tb-large', largeText);
  }, [lang, largeText]);

  // Server-made labels (state, kind, action) follow Accept-Language: refetch on a switch.
  useEffect(() => {
    const onChange = () => {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, queryClient]);

  return (
    <ConfigProvider
      locale={lang === 'en-US' ? enUSLocale : zhCNLocale}
      theme={theme}
      // No automatic space inside two-character Chinese labels: "登录" must stay "登录" for people and for tests.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <UiPrefsProvider>
        <ThemedApp queryClient={queryClient}>{children}</ThemedApp>
      </UiPrefsProvider>
    </QueryClientProvider>
  );
}
