import { RouteRef, useRouteRef } from '@backstage/core-plugin-api';

/**
 * The path of a page of this plugin, or undefined when the app has not
 * mounted it: links to optional pages are then left out instead of
 * breaking the component that shows them.
 */
export function useOptionalRoutePath(routeRef: RouteRef): string | undefined {
  try {
    // useRouteRef runs all of its hooks before it throws, so catching keeps
    // the hook order stable.
    return useRouteRef(routeRef)();
  } catch {
    return undefined;
  }
}
