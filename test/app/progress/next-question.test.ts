import { describe, expect, it } from 'vitest';
import { MAX_PICKED_SEED, pickNextQuestion, selectPracticeScenarios } from '../../../app/progress/next-question.ts';
import { loadContentBank } from '../../helpers/test-app.ts';

const bank = loadContentBank();

/** A deterministic stand-in for Math.random: walks through [0, 1) in fixed steps. */
function steppingRandom(step: number): () => number {
  let x = 0;
  return () => {
    x = (x + step) % 1;
    return x;
  };
}

describe('pickNextQuestion', () => {
  it('stays inside the chosen area and objective', () => {
    const objective = bank.scenarios[0]!.objectives[0]!;
    const random = steppingRandom(0.137);
    for (let i = 0; i < 50; i++) {
      const next = pickNextQuestion(bank, { area: objective.split('.')[0], objective }, random)!;
      expect(bank.get(next.scenarioId)!.objectives).toContain(objective);
      expect(next.seed).toBeGreaterThanOrEqual(0);
      expect(next.seed).toBeLessThan(MAX_PICKED_SEED);
    }
  });

  it('returns nothing for an area with no scenarios', () => {
    expect(pickNextQuestion(bank, { area: 'no-such-area' }, Math.random)).toBeUndefined();
  });

  it('never repeats the excluded or recent scenarios while others qualify', () => {
    const area = bank.scenarios[0]!.area;
    const inArea = selectPracticeScenarios(bank, { area }).map((s) => s.id);
    expect(inArea.length).toBeGreaterThan(1);
    const recent = inArea.slice(1, Math.min(inArea.length, 5));
    const allowed = inArea.filter((id) => id !== inArea[0] && !recent.includes(id));
    const random = steppingRandom(0.211);
    for (let i = 0; i < 50; i++) {
      const next = pickNextQuestion(bank, { area, exclude: inArea[0], recent }, random)!;
      if (allowed.length > 0) expect(allowed).toContain(next.scenarioId);
      else expect(next.scenarioId).not.toBe(inArea[0]);
    }
  });

  it('lets the oldest recent scenario back in when every candidate was seen lately', () => {
    const objective = bank.scenarios[0]!.objectives[0]!;
    const ids = selectPracticeScenarios(bank, { objective }).map((s) => s.id);
    const newestFirst = [...ids].reverse();
    const next = pickNextQuestion(bank, { objective, recent: newestFirst }, steppingRandom(0.3))!;
    expect(next.scenarioId).toBe(newestFirst[newestFirst.length - 1]);
  });

  it('gives every area with scenarios a fair share of mixed practice', () => {
    const areas = [...new Set(bank.scenarios.map((s) => s.area as string))];
    const counts = new Map<string, number>();
    const random = steppingRandom(0.0173);
    const draws = 400 * areas.length;
    for (let i = 0; i < draws; i++) {
      const area = bank.get(pickNextQuestion(bank, {}, random)!.scenarioId)!.area;
      counts.set(area, (counts.get(area) ?? 0) + 1);
    }
    for (const area of areas) expect(counts.get(area) ?? 0).toBeGreaterThan(draws / areas.length / 2);
  });
});
