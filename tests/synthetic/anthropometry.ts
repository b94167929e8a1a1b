/**
 * Body segment lengths of the synthetic walker, in metres, as fractions of stature `H`
 * (Winter, *Biomechanics and Motor Control of Human Movement*, 2009, segment-length table),
 * plus a 15-mm shoe sole. Ported from `shared/reference/synthetic-walker/web/human.mjs`.
 */
export interface Anthropometry {
  /** Stature, m. */
  heightM: number;
  /** Ankle joint above the floor (with shoe sole), m. */
  ankleHeightM: number;
  /** Knee → ankle, m. */
  shankM: number;
  /** Hip → knee, m. */
  thighM: number;
  /** Hip joint centre → shoulder joint centre, m. */
  trunkM: number;
  /** Half the distance between the hip joint centres, m. */
  hipHalfWidthM: number;
  /** Half the distance between the shoulder joint centres, m. */
  shoulderHalfWidthM: number;
  upperArmM: number;
  forearmM: number;
  handM: number;
  /** Shoe length, m. */
  footLengthM: number;
  /** Shoulder level → chin level, m. */
  neckM: number;
  /** Chin → vertex, m. */
  headHeightM: number;
  /** Ankle joint → back of the heel, m (the ankle sits 23 % of the foot length ahead of the heel). */
  heelBackM: number;
  /** Ankle joint → metatarsal heads (toe joint), m. */
  mtpForwardM: number;
  /** Toe joint → tip of the shoe, m. */
  toeLengthM: number;
  /** Leg length = thigh + shank (hip → ankle), m: the normalisation length of step lengths. */
  legLengthM: number;
  /** Standing hip joint height, m. */
  hipHeightM: number;
}

/**
 * Segment lengths for a person of stature `heightM`.
 *
 * @example
 * anthropometry(1.75).legLengthM; // 0.859…
 */
export function anthropometry(heightM: number): Anthropometry {
  if (!(heightM > 0.5 && heightM < 2.5)) {
    throw new RangeError(`anthropometry: heightM must be between 0.5 and 2.5 m, got ${heightM}`);
  }
  const H = heightM;
  const footLengthM = 0.152 * H + 0.02;
  const heelBackM = 0.23 * footLengthM;
  const mtpForwardM = 0.72 * footLengthM - heelBackM;
  const thighM = 0.245 * H;
  const shankM = 0.246 * H;
  const ankleHeightM = 0.039 * H + 0.015;
  return {
    heightM: H,
    ankleHeightM,
    shankM,
    thighM,
    trunkM: 0.288 * H,
    hipHalfWidthM: 0.048 * H,
    shoulderHalfWidthM: 0.1 * H,
    upperArmM: 0.186 * H,
    forearmM: 0.146 * H,
    handM: 0.108 * H,
    footLengthM,
    neckM: 0.052 * H,
    headHeightM: 0.13 * H,
    heelBackM,
    mtpForwardM,
    toeLengthM: footLengthM - heelBackM - mtpForwardM,
    legLengthM: thighM + shankM,
    hipHeightM: thighM + shankM + ankleHeightM
  };
}
