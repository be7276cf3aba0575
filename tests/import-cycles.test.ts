/**
 * No import cycles (type-only imports included), anywhere in the tree, test fakes too: the check
 * in scripts/import-cycles.mjs, run with the unit tests so a new cycle fails the build.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { findCycles, projectCycles } from '../scripts/import-cycles.mjs';

describe('import cycles', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('finds a circle of two files that import each other', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b']]);
  });

  it('the tree has none', () => {
    const cycles = (projectCycles() as string[][]).map((c) => c.join(' -> '));
    expect(cycles).toEqual([]);
  });
});
