import { describe, expect, it } from 'vitest';
import { chooseDelegate, GPU_MIN_GAIN, MIN_TIMED_FRAMES, medianOf } from './delegate-choice';

const frames = (ms: number, n = 16) => Array.from({ length: n }, (_, i) => ms + (i % 3) - 1);

describe('chooseDelegate', () => {
  it('keeps the GPU only when it saves at least 15 % of the median', () => {
    expect(GPU_MIN_GAIN).toBe(0.15);
    const clear = chooseDelegate({ perFrameMs: frames(52) }, { perFrameMs: frames(38) });
    expect(clear).toMatchObject({ delegate: 'GPU', cpuMs: 52, gpuMs: 38 });
    // 85 ms against 100 is exactly 15 % less: chosen; 86 is not.
    expect(chooseDelegate({ perFrameMs: frames(100) }, { perFrameMs: frames(85) }).delegate).toBe('GPU');
    const close = chooseDelegate({ perFrameMs: frames(100) }, { perFrameMs: frames(86) });
    expect(close.delegate).toBe('CPU');
    expect(close.reason).toMatch(/less than 15 %/);
  });

  it('stays on the CPU when the GPU is slower', () => {
    const slow = chooseDelegate({ perFrameMs: frames(52) }, { perFrameMs: frames(300) });
    expect(slow).toMatchObject({ delegate: 'CPU', cpuMs: 52, gpuMs: 300, reason: 'The GPU was not faster.' });
  });

  it('stays on the CPU when the GPU was so slow that the trial stopped timing it', () => {
    const slow = chooseDelegate(
      { perFrameMs: frames(25) },
      { perFrameMs: [900, 1000, 1100], outOfTime: true }
    );
    expect(slow).toMatchObject({ delegate: 'CPU', cpuMs: 25, gpuMs: 1000 });
    expect(slow.reason).toMatch(/far slower \(stopped after 3 frames\)/);
  });

  it('stays on the CPU when the GPU failed, with its reason', () => {
    const failed = chooseDelegate({ perFrameMs: frames(52) }, { perFrameMs: null, problem: 'no WebGL2' });
    expect(failed).toMatchObject({ delegate: 'CPU', cpuMs: 52, gpuMs: null });
    expect(failed.reason).toBe('GPU unavailable: no WebGL2.');
  });

  it('gives no verdict for the GPU from too few frames, or when the CPU could not be timed', () => {
    const few = chooseDelegate({ perFrameMs: frames(52) }, { perFrameMs: frames(10, MIN_TIMED_FRAMES - 1) });
    expect(few).toMatchObject({ delegate: 'CPU', gpuMs: null });
    expect(few.reason).toMatch(/too few frames/);
    const noCpu = chooseDelegate({ perFrameMs: null, problem: 'x' }, { perFrameMs: frames(10) });
    expect(noCpu).toMatchObject({ delegate: 'CPU', cpuMs: null, gpuMs: 10 });
  });

  it('uses the median, so one slow frame does not decide', () => {
    const gpu = [...frames(30, 15), 5_000];
    expect(chooseDelegate({ perFrameMs: frames(52) }, { perFrameMs: gpu }).delegate).toBe('GPU');
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
  });

  it('refuses non-finite or negative timings', () => {
    const bad = [...frames(30, 15), Number.NaN];
    expect(chooseDelegate({ perFrameMs: frames(52) }, { perFrameMs: bad })).toMatchObject({
      delegate: 'CPU',
      gpuMs: null
    });
  });
});
