import { createContext, type ReactNode, startTransition, useContext, useEffect, useState } from "react";
import { registerServiceWorker } from "./serviceWorker.js";

/*
 * Whether the first screen is on the glass. What a screen shows beside its content (the bell's count, the demo
 * notice, policies to acknowledge, the unit switcher's codes, menus and dialogs) waits for it: on a phone's
 * network those requests and downloads took turns with the page's own code and data, and the page appeared
 * ~0.5 s later.
 */
const FirstScreenContext = createContext(false);

/**
 * Around the whole app: flips once its first render has been painted (a root's effects run after all of its
 * children's; the timer fires after the frame that follows), in a transition, so that what then renders is
 * interruptible rather than one long task. The web fonts load then: the first screen paints in the
 * system's font rather than waiting for 108 kB of them (fonts.ts). The service worker is registered then too.
 */
export function FirstScreen({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        void import("./fonts.js").then((m) => m.loadFonts());
        registerServiceWorker();
        startTransition(() => setShown(true));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return <FirstScreenContext.Provider value={shown}>{children}</FirstScreenContext.Provider>;
}

/** For a query's `enabled`: false until the first screen has been painted, then true for good. */
export function useFirstScreenShown(): boolean {
  return useContext(FirstScreenContext);
}
