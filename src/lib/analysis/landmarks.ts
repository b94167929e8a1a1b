/**
 * BlazePose GHUM landmark table: the 33 landmarks that MediaPipe PoseLandmarker returns,
 * in model output order. DO NOT REORDER: the index of a name is its position in this list.
 * Odd indices from 1 to 31 are the person's left side, even indices from 2 to 32 their right
 * (nose = 0 has no side). Source: MediaPipe pose landmarker model card / `pose_landmarks.ts`.
 */
export const LANDMARK_NAMES = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index'
] as const;

export type LandmarkName = (typeof LANDMARK_NAMES)[number];

/** Number of landmarks per pose (33). */
export const LANDMARK_COUNT = LANDMARK_NAMES.length;

/** Index of every landmark by name, derived from {@link LANDMARK_NAMES}. */
export const LM = Object.fromEntries(LANDMARK_NAMES.map((name, i) => [name, i])) as {
  readonly [K in LandmarkName]: number;
};

export type Side = 'left' | 'right';

/** Body parts that come in left/right pairs; `${side}_${part}` is a landmark name. */
export const PAIRED_PARTS = [
  'eye_inner',
  'eye',
  'eye_outer',
  'ear',
  'shoulder',
  'elbow',
  'wrist',
  'pinky',
  'index',
  'thumb',
  'hip',
  'knee',
  'ankle',
  'heel',
  'foot_index'
] as const;
export type PairedPart = (typeof PAIRED_PARTS)[number];

/** Index of a paired landmark on one side, e.g. `sideIndex('left', 'heel') === 29`. */
export function sideIndex(side: Side, part: PairedPart): number {
  return LM[`${side}_${part}` as LandmarkName];
}

/** The landmark indices of one leg chain (hip, knee, ankle, heel, toe), left or right. */
export const LEG_PARTS = ['hip', 'knee', 'ankle', 'heel', 'foot_index'] as const;

/**
 * Skeleton edges for drawing, derived from part names so that no pair is typed twice.
 * Each edge is [fromIndex, toIndex].
 */
export const SKELETON_EDGES: ReadonlyArray<readonly [number, number]> = (() => {
  const both = (a: PairedPart, b: PairedPart) =>
    (['left', 'right'] as const).map((s) => [sideIndex(s, a), sideIndex(s, b)] as const);
  return [
    [LM.left_shoulder, LM.right_shoulder],
    [LM.left_hip, LM.right_hip],
    ...both('shoulder', 'elbow'),
    ...both('elbow', 'wrist'),
    ...both('shoulder', 'hip'),
    ...both('hip', 'knee'),
    ...both('knee', 'ankle'),
    ...both('ankle', 'heel'),
    ...both('heel', 'foot_index'),
    ...both('ankle', 'foot_index'),
    ...both('ear', 'eye'),
    [LM.left_eye, LM.nose],
    [LM.right_eye, LM.nose]
  ];
})();
