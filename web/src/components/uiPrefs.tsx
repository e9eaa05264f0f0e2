import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface UiPrefs {
  /** 大字版: larger type, larger targets, higher contrast. */
  largeText: boolean;
  setLargeText: (on: boolean) => void;
}

const UiPrefsContext = createContext<UiPrefs>({ largeText: false, setLargeText: () => {} });

const storageKey = 'tb_large_text';

function readInitial(): boolean {
  try {
    return localStorage.getItem(storageKey) === '1';
  } catch {
    return false;
  }
}

export function UiPrefsProvider({ children }: { children: ReactNode }) {
  const [largeText, setLarge] = useState(readInitial);
  const setLargeText = useCallback((on: boolean) => {
    setLarge(on);
    try {
      localStorage.setItem(storageKey, on ? '1' : '0');
    } catch {
      // ignore
    }
  }, []);
  const value = useMemo(() => ({ largeText, setLargeText }), [largeText, setLargeText]);
  return <UiPrefsContext.Provider value={value}>{children}</UiPrefsContext.Provider>;
}

export function useUiPrefs(): UiPrefs {
  return useContext(UiPrefsContext);
}
