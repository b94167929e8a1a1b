/**
 * Browser side of the renderer (bundled by `render.ts` with esbuild): renders a clip frame by frame with
 * three.js into a canvas, encodes it to a VP9 WebM with mediabunny (WebCodecs), and projects the landmark
 * markers of every frame for the truth. Exposes `window.renderClip(spec)`.
 */
import * as THREE from 'three';
import { BufferTarget, CanvasSource, Output, WebMOutputFormat } from 'mediabunny';
import { applyState } from './gait';
import { APPEARANCES, buildScene, buildSkeleton, dress, MP_INDEX } from './human';
import { buildSegments, segmentAt, type ClipSpec } from './clip';

export interface FrameTruth {
  /** clip time, s */
  t: number;
  segment: number;
  /** gait time of the segment's gait */
  tau: number;
  /** which feet are on the ground */
  stanceL: boolean;
  stanceR: boolean;
  /** world x of the pelvis, m */
  pelvisX: number;
  /** body yaw from the segment's turn, deg (0 = no turn) */
  yawDeg: number;
  /** projected markers, px: [x, y] per MediaPipe index listed in `RenderResult.landmarkIndices` */
  px: [number, number][];
  /** pixels per metre at the pelvis (vertical, so lens distortion of the x axis does not enter) */
  pxPerM: number;
}

export interface RenderResult {
  webmBase64: string;
  bytes: number;
  landmarkIndices: number[];
  frames: FrameTruth[];
  renderMsMedian: number;
  encodeWallMs: number;
  webgl: string | null;
}

declare global {
  interface Window {
    renderClip(spec: ClipSpec): Promise<RenderResult>;
  }
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

window.renderClip = async (spec) => {
  const { W, H, fps } = spec;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  document.body.append(canvas);
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: false, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(W, H, false);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  const gl = renderer.getContext();
  const dbg = gl.getExtension('WEBGL_debug_renderer_info');
  const webgl = dbg ? String(gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL)) : null;

  const segs = buildSegments(spec);
  const scene = buildScene();
  const skel = dress(buildSkeleton(segs[0].gait.P.H), APPEARANCES[spec.appearance]);
  const stage = new THREE.Group();
  stage.add(skel.J.root);
  scene.add(stage);
  const c = spec.camera;
  const cam = new THREE.PerspectiveCamera(c.fov, W / H, 0.1, 50);
  cam.position.set(c.x, c.height, c.dist);
  cam.lookAt(c.lookX ?? c.x, c.lookY, 0);
  cam.updateMatrixWorld(true);

  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const source = new CanvasSource(canvas, {
    codec: 'vp9',
    bitrate: spec.bitrate,
    keyFrameInterval: 2,
    latencyMode: 'quality'
  });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();

  const indices = Object.keys(MP_INDEX).map(Number);
  const v = new THREE.Vector3();
  const proj = (p: THREE.Vector3): [number, number] => {
    v.copy(p).project(cam);
    return [((v.x + 1) / 2) * W, ((1 - v.y) / 2) * H];
  };
  const frames: FrameTruth[] = [];
  const renderMs: number[] = [];
  const px1 = new Uint8Array(4);
  const t0 = performance.now();
  for (let i = 0; i < spec.frames; i++) {
    const t = i / fps;
    const seg = segmentAt(segs, t);
    const tau = seg.tau(t);
    const turn = seg.turn(t);
    const st = applyState(skel.J, stage, seg.gait, tau, turn);
    const r0 = performance.now();
    renderer.render(scene, cam);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px1); // wait for the frame (timing)
    renderMs.push(performance.now() - r0);
    await source.add(t, 1 / fps);
    const pts = indices.map((k) => proj(skel.M[MP_INDEX[k]].getWorldPosition(new THREE.Vector3())));
    const pelvis = skel.J.pelvis.getWorldPosition(new THREE.Vector3());
    const up = proj(pelvis.clone().add(new THREE.Vector3(0, 0.5, 0)));
    const down = proj(pelvis.clone().add(new THREE.Vector3(0, -0.5, 0)));
    frames.push({
      t,
      segment: segs.indexOf(seg),
      tau,
      stanceL: st.L.stance,
      stanceR: st.R.stance,
      pelvisX: pelvis.x,
      yawDeg: ((turn?.yaw ?? 0) * 180) / Math.PI,
      px: pts,
      pxPerM: Math.hypot(up[0] - down[0], up[1] - down[1])
    });
  }
  source.close();
  await output.finalize();
  const buf = new Uint8Array((output.target as BufferTarget).buffer!);
  renderer.dispose();
  renderMs.sort((a, b) => a - b);
  return {
    webmBase64: base64(buf),
    bytes: buf.byteLength,
    landmarkIndices: indices,
    frames,
    renderMsMedian: renderMs[renderMs.length >> 1],
    encodeWallMs: performance.now() - t0,
    webgl
  };
};
