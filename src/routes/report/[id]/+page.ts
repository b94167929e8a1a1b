// Reports are per-device sessions: rendered in the browser from memory or IndexedDB, never prerendered.
export const prerender = false;

export function load({ params }: { params: { id: string } }) {
  return { id: params.id };
}
