import { Grid } from 'antd';

/** True below antd's `sm` breakpoint (576 px): a phone held upright. */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().sm === false;
}
