import { type ComponentType, createElement, startTransition, useEffect, useState } from "react";
import { useFirstScreenShown } from "../firstScreen.js";

/**
 * A part of the frame that is not needed to see the screen (a menu, a dialog that may open, a switcher): its
 * code loads once the first screen is painted, and `Placeholder` (nothing by default) stands in until then. The
 * resident's first screen downloaded 60 kB of menus, dialogs and forms before it could show.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Placeholder?: ComponentType<P>,
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  function Deferred(props: P) {
    const shown = useFirstScreenShown();
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!shown || Component) return;
      let mounted = true;
      loading ??= load().then((component) => {
        loaded = component;
        return component;
      });
      loading.then(
        // In a transition: rendered in slices between which the browser can paint and answer the person.
        (component) => mounted && startTransition(() => setComponent(() => component)),
        () => {
          loading = undefined; // offline: the next screen that shows this part asks again
        },
      );
      return () => {
        mounted = false;
      };
    }, [shown, Component]);
    if (Component) return createElement(Component, props);
    return Placeholder ? createElement(Placeholder, props) : null;
  }
  return Deferred;
}
