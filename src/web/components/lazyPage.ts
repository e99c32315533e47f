import { type ComponentType, createElement, lazy } from "react";

export type LazyPage<P extends object> = ComponentType<P> & {
  /** Starts loading the page's code; resolves once it can render without suspending. */
  preload: () => Promise<unknown>;
};

/**
 * A page whose code loads with its route, like React.lazy, that renders at once when its code has already
 * arrived (preloaded, or shown before). React.lazy suspends on a component's first render even when its import
 * has resolved, and React 19 holds content that replaces a Suspense fallback until 300 ms after the fallback
 * appeared: measured on the resident home, the page showed 200 ms after everything it needed was there.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = undefined; // a failed download may be retried (the error boundary offers it)
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page, at module level, like React.lazy
  function Page(props: P) {
    return createElement(loaded ?? Lazy, props);
  }
  return Object.assign(Page, { preload });
}
