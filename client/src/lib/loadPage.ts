import type { ReactNode } from 'react';

/** Code of a lazily loaded page or step that did not arrive; other errors are not the load boundary's business. */
export class PageLoadError extends Error {}

/** For React.lazy: the module's component as its default, and a failed fetch as a PageLoadError (App's boundary offers a reload). */
export function loadPage<M, P>(module: Promise<M>, pick: (m: M) => (props: P) => ReactNode): Promise<{ default: (props: P) => ReactNode }> {
  return module.then(
    (m) => ({ default: pick(m) }),
    (err: unknown) => {
      throw new PageLoadError(err instanceof Error ? err.message : String(err));
    },
  );
}
