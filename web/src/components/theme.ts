import type { ThemeConfig } from 'antd';

/** The one brand colour: a deep government blue (contrast ≥ 4.5:1 on white). */
export const primaryColor = '#1f5fbf';

export const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const slaColors = { green: '#2e7d32', yellow: '#b7791f', red: '#c62828', none: '#8c8c8c' } as const;

export function buildTheme(largeText: boolean): ThemeConfig {
  const base: ThemeConfig = {
    token: {
      colorPrimary: primaryColor,
      colorInfo: primaryColor,
      colorLink: primaryColor,
      // Error text must reach 4.5:1 on white; success/warning keep antd's palettes for their light backgrounds.
      colorError: '#c62828',
      colorTextBase: '#1f2329',
      colorBgLayout: '#f5f7fa',
      borderRadius: 6,
      fontFamily,
      fontSize: 15,
      controlHeight: 36,
      controlHeightLG: 44,
      wireframe: false,
    },
    components: {
      Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px', bodyBg: '#f5f7fa', footerBg: '#f5f7fa' },
      Card: { headerFontSize: 16 },
      Table: { headerBg: '#f3f6fb' },
    },
  };
  if (!largeText) return base;
  return {
    ...base,
    token: {
      ...base.token,
      fontSize: 19,
      fontSizeLG: 21,
      fontSizeSM: 17,
      controlHeight: 46,
      controlHeightLG: 54,
      controlHeightSM: 38,
      colorTextBase: '#000000',
      colorTextSecondary: 'rgba(0,0,0,0.78)',
      colorTextTertiary: 'rgba(0,0,0,0.7)',
    },
    components: { ...base.components, Layout: { ...base.components!.Layout, headerHeight: 64 } },
  };
}
