/**
 * The live camera with the camera and the pose worker replaced by stand-ins: turning the camera
 * off releases it at once even when the pose worker never answers (a hung worker must not keep
 * the camera light on).
 */
import { describe, expect, it, vi } from 'vitest';

const worker = vi.hoisted(() => ({ disposed: 0 }));
const track = vi.hoisted(() => ({
  stop: vi.fn(),
  addEventListener: () => {},
  getSettings: () => ({ deviceId: 'cam-1' })
}));

vi.mock('./camera', () => ({
  openCamera: async () => ({ getTracks: () => [track], getVideoTracks: () => [track] }),
  closeCamera: (stream: { getTracks(): { stop(): void }[] } | null) =>
    stream?.getTracks().forEach((t) => t.stop()),
  listCameras: async () => []
}));
vi.mock('$lib/workers/pose-client', () => ({
  PoseClient: {
    create: async () => ({
      // A live session whose worker never answers a stop.
      startLive: async () => ({ stop: () => new Promise<void>(() => {}) }),
      dispose: () => void worker.disposed++
    })
  }
}));

const { LiveCapture } = await import('./live-capture.svelte');

describe('LiveCapture.stop', () => {
  it('stops the camera tracks and the worker at once when the worker does not answer', async () => {
    const capture = new LiveCapture();
    await capture.start('lite');
    expect(capture.phase).toBe('live');
    const stopped = capture.stop();
    const result = await Promise.race([
      stopped.then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200))
    ]);
    expect(result).toBe('stopped');
    expect(track.stop).toHaveBeenCalled();
    expect(worker.disposed).toBe(1);
    expect(capture.phase).toBe('off');
  });
});
