import { describe, expect, it } from 'vitest';
import { installFetchGuard } from './fetch-guard';

function fakeScope() {
  const seen: string[] = [];
  const scope = {
    location: { href: 'https://app.example/_app/worker.js', origin: 'https://app.example' },
    fetch: (async (input: RequestInfo | URL) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return new Response('real', { status: 200 });
    }) as typeof fetch
  };
  return { scope, seen };
}

describe('installFetchGuard', () => {
  it('answers off-origin requests locally and never forwards them', async () => {
    const { scope, seen } = fakeScope();
    const guard = installFetchGuard(scope);
    const res = await scope.fetch('https://telemetry.example/log?format=json', {
      method: 'POST',
      body: '{}'
    });
    expect(res.status).toBe(204);
    expect(seen).toEqual([]);
    expect(guard.blocked).toEqual(['https://telemetry.example/log?format=json']);
  });

  it('lets same-origin, relative, blob: and data: requests through', async () => {
    const { scope, seen } = fakeScope();
    const guard = installFetchGuard(scope);
    await scope.fetch('/models/pose_landmarker_full.task');
    await scope.fetch(new URL('https://app.example/wasm/vision_wasm_module_internal.wasm'));
    await scope.fetch('data:text/plain,hi');
    expect(seen).toHaveLength(3);
    expect(guard.blocked).toEqual([]);
  });

  it('treats another port on the same host as another origin', async () => {
    const { scope } = fakeScope();
    const guard = installFetchGuard(scope);
    await scope.fetch(new Request('https://app.example:8443/x'));
    expect(guard.blocked).toEqual(['https://app.example:8443/x']);
  });

  it('in a worker started from a blob: URL, resolves relative URLs against its origin', async () => {
    const { scope, seen } = fakeScope();
    scope.location = { href: 'blob:https://app.example/0b6c7d3e', origin: 'https://app.example' };
    const guard = installFetchGuard(scope);
    await scope.fetch('/models/pose_landmarker_lite.task');
    await scope.fetch('https://telemetry.example/log');
    expect(seen).toEqual(['https://app.example/models/pose_landmarker_lite.task']);
    expect(guard.blocked).toEqual(['https://telemetry.example/log']);
  });
});
