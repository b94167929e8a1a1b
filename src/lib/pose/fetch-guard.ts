/**
 * Privacy guard for the pose worker. tasks-vision 1.x posts usage logs to a Google endpoint on
 * `close()` and about every 60 s, with no option to turn it off. The app's CSP already blocks
 * such requests; this guard makes sure they are never even attempted: any `fetch` to another
 * origin is answered locally with an empty 204 and recorded. Same-origin requests (the model and
 * the wasm) pass through untouched.
 */

export interface FetchGuard {
  /** URLs of the off-origin requests answered locally, in order. */
  readonly blocked: readonly string[];
}

interface FetchScope {
  fetch: typeof fetch;
  location: { href: string; origin: string };
}

const urlOf = (input: RequestInfo | URL): string =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

/** Replaces `scope.fetch` by a same-origin-only version. Call once, before the landmarker loads. */
export function installFetchGuard(scope: FetchScope): FetchGuard {
  const realFetch = scope.fetch.bind(scope);
  const blocked: string[] = [];
  // A worker started from a blob: URL (see `workers/start-worker.ts`) cannot resolve relative URLs
  // against its own address; they are resolved against its origin, and passed on resolved.
  const base = scope.location.href.startsWith('blob:') ? `${scope.location.origin}/` : scope.location.href;
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(urlOf(input), base);
    // data: and blob: URLs never leave the device.
    const local =
      url.protocol === 'data:' || url.protocol === 'blob:' || url.origin === scope.location.origin;
    if (local) return realFetch(typeof input === 'string' ? url.href : input, init);
    blocked.push(url.href);
    return Promise.resolve(new Response(null, { status: 204 }));
  };
  return { blocked };
}
