import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '../../../tests/helpers/make-analysis';
import { buildFindings } from './findings/build-findings';
import { buildWeeklyPlan } from './weekly-plan';

describe('buildWeeklyPlan', () => {
  it('keeps the brisk Friday and adds no focus cues when everything is fine', () => {
    const plan = buildWeeklyPlan(
      buildFindings(makeAnalysis({ trunkLean: { value: 3 }, heelAheadOfHip: { value: 0.38 } }))
    );
    expect(plan.map((d) => d.day)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday'
    ]);
    expect(plan[4].activity).toMatch(/brisk pace/);
    expect(plan.flatMap((d) => d.notes).some((n) => n.startsWith('Focus'))).toBe(false);
    expect(plan[0].notes[0]).toMatch(/hip circles and pelvic tilts/);
    expect(plan[6].notes.join(' ')).toMatch(/sharp pain/);
  });

  it('turns findings into focus cues, holds Friday at moderate and adds even strength work for asymmetry', () => {
    const plan = buildWeeklyPlan(
      buildFindings(makeAnalysis({ heelAheadOfHip: { value: 0.6 }, stepLengthSymmetry: { value: 15 } }))
    );
    const notes = plan.flatMap((d) => d.notes).join(' ');
    expect(notes).toMatch(/shorter, quicker steps/);
    expect(notes).toMatch(/both feet/);
    expect(plan[4].activity).toMatch(/moderate pace/);
    expect(plan[1].notes.join(' ')).toMatch(/same number on each side/);
  });
});
