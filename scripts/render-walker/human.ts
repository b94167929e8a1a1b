/**
 * Procedural articulated human for rendered gait clips (three.js), ported from the team's synthetic-walker
 * research tool. Local body frame: facing +Z, up +Y, the person's LEFT = +X. All lengths in metres. Segment
 * lengths follow Winter (2009) fractions of stature H.
 */
import * as THREE from 'three';

export const D2R = Math.PI / 180;

export type Side = 'L' | 'R';
export const SIDES: readonly Side[] = ['L', 'R'];

export interface Anthropometry {
  H: number;
  ankleH: number;
  shank: number;
  thigh: number;
  trunk: number;
  hipHalf: number;
  shoulderHalf: number;
  upperArm: number;
  forearm: number;
  hand: number;
  footLen: number;
  neck: number;
  headH: number;
  heelBack: number;
  mtpFwd: number;
  toeLen: number;
  legLen: number;
  hipHeight: number;
}

export function anthropometry(H = 1.75): Anthropometry {
  const footLen = 0.152 * H + 0.02; // shoe a bit longer than the foot
  const heelBack = 0.23 * footLen; // ankle joint is ~23 % of foot length in front of the heel
  const mtpFwd = 0.72 * footLen - heelBack; // metatarsal heads (toe joint) in front of the ankle
  const ankleH = 0.039 * H + 0.015; // ankle joint above floor (+15 mm shoe sole)
  const shank = 0.246 * H;
  const thigh = 0.245 * H;
  return {
    H,
    ankleH,
    shank,
    thigh,
    trunk: 0.288 * H, // hip centre -> shoulder joint centre (vertical)
    hipHalf: 0.048 * H,
    shoulderHalf: 0.1 * H,
    upperArm: 0.186 * H,
    forearm: 0.146 * H,
    hand: 0.108 * H,
    footLen,
    neck: 0.052 * H, // shoulder level -> chin level
    headH: 0.13 * H, // chin -> vertex
    heelBack,
    mtpFwd,
    toeLen: footLen - heelBack - mtpFwd,
    legLen: thigh + shank, // hip -> ankle (used for normalisation)
    hipHeight: thigh + shank + ankleH // standing hip joint height
  };
}

export type JointName =
  | 'root'
  | 'pelvis'
  | 'lumbar'
  | 'neck'
  | 'head'
  | `${'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle' | 'mtp'}${Side}`;

export interface Skeleton {
  A: Anthropometry;
  J: Record<JointName, THREE.Object3D>;
  /** Landmark markers: their world positions are the landmark ground truth. */
  M: Record<string, THREE.Object3D>;
}

/** Joint hierarchy and landmark markers; no meshes (works in node too). */
export function buildSkeleton(H = 1.75): Skeleton {
  const A = anthropometry(H);
  const g = (name: string, parent: THREE.Object3D, x = 0, y = 0, z = 0) => {
    const o = new THREE.Object3D();
    o.name = name;
    o.position.set(x, y, z);
    parent.add(o);
    return o;
  };
  const root = new THREE.Object3D();
  root.name = 'root';
  const pelvis = g('pelvis', root, 0, A.hipHeight, 0);
  const lumbar = g('lumbar', pelvis); // trunk lean pivots about the mid-hip point
  const neck = g('neck', lumbar, 0, A.trunk + 0.01, 0.0);
  const head = g('head', neck, 0, A.neck + 0.5 * A.headH, 0.012); // head centre
  const J = { root, pelvis, lumbar, neck, head } as Record<JointName, THREE.Object3D>;
  const M: Record<string, THREE.Object3D> = {};
  M.nose = g('m_nose', head, 0, -0.018, 0.112);
  M.eyeL = g('m_eyeL', head, 0.032, 0.012, 0.082);
  M.eyeR = g('m_eyeR', head, -0.032, 0.012, 0.082);
  M.earL = g('m_earL', head, 0.077, 0.0, -0.008);
  M.earR = g('m_earR', head, -0.077, 0.0, -0.008);
  M.mouthL = g('m_mouthL', head, 0.022, -0.055, 0.088);
  M.mouthR = g('m_mouthR', head, -0.022, -0.055, 0.088);
  for (const s of SIDES) {
    const sx = s === 'L' ? 1 : -1;
    const sh = g('shoulder' + s, lumbar, sx * A.shoulderHalf, A.trunk, 0);
    const el = g('elbow' + s, sh, 0, -A.upperArm, 0);
    const wr = g('wrist' + s, el, 0, -A.forearm, 0);
    const hip = g('hip' + s, pelvis, sx * A.hipHalf, 0, 0);
    const kn = g('knee' + s, hip, 0, -A.thigh, 0);
    const an = g('ankle' + s, kn, 0, -A.shank, 0);
    const mtp = g('mtp' + s, an, 0, -A.ankleH + 0.025, A.mtpFwd); // toe joint, 25 mm above floor level
    Object.assign(J, {
      ['shoulder' + s]: sh,
      ['elbow' + s]: el,
      ['wrist' + s]: wr,
      ['hip' + s]: hip,
      ['knee' + s]: kn,
      ['ankle' + s]: an,
      ['mtp' + s]: mtp
    });
    Object.assign(M, {
      ['shoulder' + s]: sh,
      ['elbow' + s]: el,
      ['wrist' + s]: wr,
      ['hip' + s]: hip,
      ['knee' + s]: kn,
      ['ankle' + s]: an
    });
    M['heel' + s] = g('m_heel' + s, an, 0, -A.ankleH + 0.03, -A.heelBack); // back of the heel, 30 mm up
    M['toe' + s] = g('m_toe' + s, mtp, 0, -0.005, A.toeLen - 0.01); // tip of the shoe
    M['index' + s] = g('m_index' + s, wr, sx * 0.01, -0.085, 0.01);
  }
  return { A, J, M };
}

/** MediaPipe BlazePose landmark index -> marker name (the landmarks that have a marker). */
export const MP_INDEX: Record<number, string> = {
  0: 'nose',
  2: 'eyeL',
  5: 'eyeR',
  7: 'earL',
  8: 'earR',
  9: 'mouthL',
  10: 'mouthR',
  11: 'shoulderL',
  12: 'shoulderR',
  13: 'elbowL',
  14: 'elbowR',
  15: 'wristL',
  16: 'wristR',
  19: 'indexL',
  20: 'indexR',
  23: 'hipL',
  24: 'hipR',
  25: 'kneeL',
  26: 'kneeR',
  27: 'ankleL',
  28: 'ankleR',
  29: 'heelL',
  30: 'heelR',
  31: 'toeL',
  32: 'toeR'
};

/* ---------------------------------------------------------------- appearance */

type Profile = [number, number][];

/** Lathe limb: radii at normalised positions along the segment (0 = proximal joint, 1 = distal), rounded ends. */
function limbGeometry(len: number, prof: Profile, { capTop = 1, capBot = 1, seg = 24 } = {}) {
  const r = (t: number) => {
    for (let i = 1; i < prof.length; i++)
      if (t <= prof[i][0]) {
        const [t0, r0] = prof[i - 1];
        const [t1, r1] = prof[i];
        const u = (t - t0) / (t1 - t0 || 1);
        const s = u * u * (3 - 2 * u);
        return r0 + (r1 - r0) * s;
      }
    return prof[prof.length - 1][1];
  };
  const pts: THREE.Vector2[] = [];
  const rb = r(1);
  const rt = r(0);
  for (let i = 0; i <= 6; i++) {
    const a = ((i / 6) * Math.PI) / 2;
    pts.push(new THREE.Vector2(rb * Math.sin(a) + 1e-4, -len - capBot * rb * Math.cos(a)));
  }
  for (let i = 1; i < 20; i++) {
    const t = 1 - i / 20;
    pts.push(new THREE.Vector2(r(t), -t * len));
  }
  for (let i = 0; i <= 6; i++) {
    const a = ((1 - i / 6) * Math.PI) / 2;
    pts.push(new THREE.Vector2(rt * Math.sin(a) + 1e-4, capTop * rt * Math.cos(a)));
  }
  const geo = new THREE.LatheGeometry(pts, seg);
  geo.computeVertexNormals();
  return geo;
}

function ellipsoid(rx: number, ry: number, rz: number, mat: THREE.Material, ws = 24, hs = 16) {
  const m = new THREE.Mesh(new THREE.SphereGeometry(1, ws, hs), mat);
  m.scale.set(rx, ry, rz);
  return m;
}

function headGeometry() {
  const geo = new THREE.SphereGeometry(1, 48, 36);
  const p = geo.attributes.position;
  const v = new THREE.Vector3();
  for (let i = 0; i < p.count; i++) {
    v.fromBufferAttribute(p, i);
    let { x, z } = v;
    let y = v.y;
    // base ellipsoid: half width 7.6 cm, half height 11.2 cm, half depth 9.8 cm
    x *= 0.076;
    y *= 0.112;
    z *= 0.098;
    const yl = Math.max(0, -v.y); // 0..1 in the lower half
    x *= 1 - 0.32 * Math.pow(yl, 1.4); // jaw narrower than cranium
    if (v.z < 0)
      z *= 1 - 0.35 * Math.pow(yl, 1.2); // skull base / back of jaw recedes
    else z *= 1 - 0.12 * Math.pow(yl, 2); // chin slightly receding
    if (v.z > 0 && v.y > 0.2) z *= 1 - 0.06 * (v.y - 0.2); // forehead a bit flatter
    p.setXYZ(i, x, y, z);
  }
  geo.computeVertexNormals();
  return geo;
}

function hairGeometry(style: 'short' | 'long') {
  const geo = new THREE.SphereGeometry(
    1,
    48,
    24,
    0,
    Math.PI * 2,
    0,
    style === 'long' ? Math.PI * 0.75 : Math.PI * 0.52
  );
  const p = geo.attributes.position;
  const v = new THREE.Vector3();
  for (let i = 0; i < p.count; i++) {
    v.fromBufferAttribute(p, i);
    p.setXYZ(i, v.x * 0.081, v.y * 0.118, v.z * 0.104);
  }
  geo.computeVertexNormals();
  return geo;
}

function noiseTexture(base: string, amp: number, size = 256, tiles = 0, seed = 1) {
  const c = new OffscreenCanvas(size, size);
  const g = c.getContext('2d')!;
  g.fillStyle = base;
  g.fillRect(0, 0, size, size);
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const img = g.getImageData(0, 0, size, size);
  for (let i = 0; i < img.data.length; i += 4) {
    const n = (rnd() - 0.5) * amp;
    img.data[i] += n;
    img.data[i + 1] += n;
    img.data[i + 2] += n;
  }
  g.putImageData(img, 0, 0);
  if (tiles) {
    g.strokeStyle = 'rgba(0,0,0,0.18)';
    g.lineWidth = 2;
    for (let k = 0; k <= tiles; k++) {
      const q = (k * size) / tiles;
      g.beginPath();
      g.moveTo(q, 0);
      g.lineTo(q, size);
      g.moveTo(0, q);
      g.lineTo(size, q);
      g.stroke();
    }
  }
  const t = new THREE.CanvasTexture(c as unknown as HTMLCanvasElement);
  t.wrapS = t.wrapT = THREE.RepeatWrapping;
  t.colorSpace = THREE.SRGBColorSpace;
  t.anisotropy = 4;
  return t;
}

export interface Appearance {
  skin: string;
  shirt: string;
  pants: string;
  shoes: string;
  sole: string;
  hair: string | null;
  shorts: boolean;
  hairStyle: 'short' | 'long';
  noFace?: boolean;
}

export const APPEARANCES = {
  /** light skin, red t-shirt, dark-blue jeans, white shoes, dark-brown hair */
  casual: {
    skin: '#e2b293',
    shirt: '#b8322e',
    pants: '#2b3a5a',
    shoes: '#eeeeee',
    sole: '#555555',
    hair: '#3b2a1e',
    shorts: false,
    hairStyle: 'short'
  },
  /** darker skin, light-grey shirt, black shorts, dark shoes */
  shorts: {
    skin: '#8d5a3b',
    shirt: '#c9c9c9',
    pants: '#1e1e1e',
    shoes: '#222222',
    sole: '#dddddd',
    hair: '#111111',
    shorts: true,
    hairStyle: 'short'
  },
  /** low contrast: beige clothes close to the wall colour, long hair */
  lowcontrast: {
    skin: '#f0c8a8',
    shirt: '#d8cfc0',
    pants: '#8a8070',
    shoes: '#6b5a48',
    sole: '#333333',
    hair: '#6b4a2a',
    shorts: false,
    hairStyle: 'long'
  }
} satisfies Record<string, Appearance>;

export type AppearanceName = keyof typeof APPEARANCES;

/** Adds meshes to a skeleton. */
export function dress(skel: Skeleton, ap: Appearance = APPEARANCES.casual): Skeleton {
  const { A, J } = skel;
  const std = (color: string, rough = 0.8) =>
    new THREE.MeshStandardMaterial({ color, roughness: rough, metalness: 0 });
  const skin = std(ap.skin, 0.6);
  const shirt = std(ap.shirt, 0.9);
  const pants = std(ap.pants, 0.95);
  const shoe = std(ap.shoes, 0.6);
  const sole = std(ap.sole, 0.9);
  const add = <T extends THREE.Object3D>(parent: THREE.Object3D, mesh: T, x = 0, y = 0, z = 0): T => {
    mesh.position.set(x, y, z);
    parent.add(mesh);
    return mesh;
  };
  const limb = (
    len: number,
    prof: Profile,
    mat: THREE.Material,
    opts?: { capTop?: number; capBot?: number }
  ) => new THREE.Mesh(limbGeometry(len, prof, opts), mat);

  // pelvis / hips (trouser or shorts material)
  const pelvisMesh = limb(
    0.2,
    [
      [0, 0.15],
      [0.45, 0.17],
      [1, 0.12]
    ],
    pants,
    { capTop: 0.2, capBot: 0.5 }
  );
  pelvisMesh.scale.set(1, 1, 0.68);
  add(J.pelvis, pelvisMesh, 0, 0.09, -0.005);
  // torso (lumbar frame): abdomen and chest in the shirt
  const torso = limb(
    A.trunk + 0.02,
    [
      [0, 0.095],
      [0.12, 0.15],
      [0.3, 0.15],
      [0.55, 0.14],
      [0.8, 0.165],
      [0.93, 0.16],
      [1, 0.12]
    ],
    shirt,
    { capTop: 0.55, capBot: 0.3 }
  );
  torso.scale.set(1, 1, 0.66);
  add(J.lumbar, torso, 0, A.trunk + 0.01, 0.0);
  add(J.lumbar, ellipsoid(0.16, 0.04, 0.08, shirt), 0, A.trunk - 0.005, -0.005); // shoulder yoke
  for (const s of SIDES)
    add(J[`shoulder${s}`], ellipsoid(0.05, 0.056, 0.056, shirt), (s === 'L' ? 1 : -1) * 0.006, -0.01, 0);
  // neck and head
  add(
    J.neck,
    limb(
      A.neck + 0.08,
      [
        [0, 0.056],
        [1, 0.062]
      ],
      skin,
      { capTop: 0, capBot: 0 }
    ),
    0,
    A.neck + 0.05,
    -0.005
  );
  add(J.head, new THREE.Mesh(headGeometry(), skin));
  if (!ap.noFace) {
    const white = std('#f4f4f0', 0.3);
    const iris = std('#3a2616', 0.3);
    const brow = std(ap.hair ?? '#3b2a1e', 1);
    const lip = std('#b5655a', 0.6);
    for (const sx of [1, -1]) {
      add(J.head, ellipsoid(0.013, 0.0085, 0.01, white), sx * 0.032, 0.012, 0.078);
      add(J.head, ellipsoid(0.0065, 0.0065, 0.004, iris), sx * 0.032, 0.012, 0.0875);
      add(J.head, ellipsoid(0.017, 0.0045, 0.006, brow), sx * 0.033, 0.034, 0.083).rotation.z = sx * -0.12;
      add(J.head, ellipsoid(0.011, 0.03, 0.02, skin), sx * 0.075, 0.0, -0.008).rotation.x = -0.15;
      add(J.head, ellipsoid(0.006, 0.01, 0.008, std('#b58870', 0.7)), sx * 0.081, 0.0, -0.006); // ear shade
    }
    add(J.head, ellipsoid(0.011, 0.026, 0.016, skin), 0, -0.002, 0.094).rotation.x = -0.35; // nose bridge
    add(J.head, ellipsoid(0.015, 0.012, 0.014, skin), 0, -0.02, 0.1); // nose tip
    add(J.head, ellipsoid(0.024, 0.0065, 0.01, lip), 0, -0.05, 0.084);
  }
  if (ap.hair) {
    const hair = add(
      J.head,
      new THREE.Mesh(hairGeometry(ap.hairStyle), std(ap.hair, 0.95)),
      0,
      0.006,
      -0.012
    );
    hair.rotation.x = -0.22; // cover more of the back than the front
  }
  // arms
  for (const s of SIDES) {
    const upper: Profile = [
      [0, 0.046],
      [0.35, 0.046],
      [1, 0.036]
    ];
    const sleeve: Profile = [
      [0, 0.06],
      [1, 0.056]
    ];
    const fore: Profile = [
      [0, 0.037],
      [0.3, 0.04],
      [1, 0.026]
    ];
    add(J[`shoulder${s}`], limb(A.upperArm, upper, skin, { capTop: 0.3 }));
    add(J[`shoulder${s}`], limb(A.upperArm * 0.45, sleeve, shirt, { capTop: 0.6, capBot: 0.15 }));
    add(J[`elbow${s}`], limb(A.forearm, fore, skin));
    add(J[`wrist${s}`], ellipsoid(0.022, 0.052, 0.042, skin), 0, -0.05, 0.0);
    const thumbProf: Profile = [
      [0, 0.011],
      [1, 0.009]
    ];
    add(J[`wrist${s}`], limb(0.045, thumbProf, skin), 0, -0.02, 0.03).rotation.x = -0.5;
  }
  // legs
  for (const s of SIDES) {
    const sx = s === 'L' ? 1 : -1;
    if (ap.shorts) {
      const thigh: Profile = [
        [0, 0.08],
        [0.4, 0.073],
        [0.85, 0.054],
        [1, 0.05]
      ];
      const shortsP: Profile = [
        [0, 0.092],
        [1, 0.086]
      ];
      const shank: Profile = [
        [0, 0.05],
        [0.25, 0.056],
        [0.6, 0.042],
        [1, 0.03]
      ];
      add(J[`hip${s}`], limb(A.thigh, thigh, skin));
      add(J[`hip${s}`], limb(A.thigh * 0.55, shortsP, pants, { capTop: 0.5, capBot: 0.1 }), sx * 0.004, 0, 0);
      add(J[`knee${s}`], limb(A.shank, shank, skin));
    } else {
      const thigh: Profile = [
        [0, 0.088],
        [0.4, 0.08],
        [0.85, 0.06],
        [1, 0.056]
      ];
      const shank: Profile = [
        [0, 0.056],
        [0.25, 0.06],
        [0.7, 0.052],
        [1, 0.05]
      ];
      add(J[`hip${s}`], limb(A.thigh, thigh, pants), sx * 0.004, 0, 0);
      add(J[`knee${s}`], limb(A.shank - 0.02, shank, pants, { capBot: 0.3 }));
    }
    // shoe: rear part (ankle frame, heel -> metatarsal heads) and toe box (mtp frame)
    const ank = J[`ankle${s}`];
    const mtp = J[`mtp${s}`];
    const rearLen = A.heelBack + A.mtpFwd;
    const rearP: Profile = [
      [0, 0.042],
      [0.25, 0.046],
      [0.7, 0.05],
      [1, 0.049]
    ];
    const rear = add(ank, limb(rearLen, rearP, shoe, { capTop: 0.8, capBot: 0.25 }));
    rear.rotation.x = -Math.PI / 2;
    rear.scale.set(0.95, 1, 0.95);
    rear.position.set(0, -A.ankleH + 0.047, -A.heelBack + 0.036);
    add(ank, ellipsoid(0.043, 0.05, 0.052, shoe), 0, -0.025, -0.008); // ankle collar / upper
    const toeP: Profile = [
      [0, 0.047],
      [0.6, 0.043],
      [1, 0.036]
    ];
    const toeBox = add(mtp, limb(A.toeLen - 0.025, toeP, shoe, { capTop: 0.1, capBot: 0.8 }));
    toeBox.rotation.x = -Math.PI / 2;
    toeBox.scale.set(0.95, 1, 0.62);
    toeBox.position.set(0, 0.004, 0);
    const soleRear = new THREE.Mesh(new THREE.BoxGeometry(0.088, 0.016, rearLen + 0.005), sole);
    add(ank, soleRear, 0, -A.ankleH + 0.008, rearLen / 2 - A.heelBack - 0.002);
    const soleToe = new THREE.Mesh(new THREE.BoxGeometry(0.085, 0.014, A.toeLen - 0.005), sole);
    add(mtp, soleToe, 0, -0.018, (A.toeLen - 0.005) / 2);
  }
  return skel;
}

/** Room: textured floor, plain wall, lights (no shadows: they double the render time). */
export function buildScene({
  wallZ = -1.6,
  floorColor = '#9b9184',
  wallColor = '#dcd6cc'
} = {}): THREE.Scene {
  const scene = new THREE.Scene();
  scene.background = new THREE.Color('#cfcac2');
  const floorTex = noiseTexture(floorColor, 26, 256, 2, 7);
  floorTex.repeat.set(10, 5);
  const floor = new THREE.Mesh(
    new THREE.PlaneGeometry(24, 12),
    new THREE.MeshStandardMaterial({ map: floorTex, roughness: 0.9 })
  );
  floor.rotation.x = -Math.PI / 2;
  floor.position.z = wallZ + 6;
  scene.add(floor);
  const wallTex = noiseTexture(wallColor, 6, 128, 0, 3);
  wallTex.repeat.set(8, 2);
  const wall = new THREE.Mesh(
    new THREE.PlaneGeometry(24, 6),
    new THREE.MeshStandardMaterial({ map: wallTex, roughness: 1 })
  );
  wall.position.set(0, 3, wallZ);
  scene.add(wall);
  const skirting = new THREE.Mesh(
    new THREE.BoxGeometry(24, 0.1, 0.02),
    new THREE.MeshStandardMaterial({ color: '#f2efe8', roughness: 0.7 })
  );
  skirting.position.set(0, 0.05, wallZ + 0.01);
  scene.add(skirting);
  scene.add(new THREE.HemisphereLight('#ffffff', '#8a8070', 1.1));
  const sun = new THREE.DirectionalLight('#ffffff', 2.2);
  sun.position.set(-2.0, 4.5, 5.0);
  sun.target.position.set(0, 0.8, 0);
  scene.add(sun.target);
  scene.add(sun);
  return scene;
}
