import { describe, expect, it } from 'vitest';
import { splitClauses } from './clauses.js';
import { fold } from './normalize.js';

function parts(text: string): string[] {
  return splitClauses(fold(text)).map((s) => text.slice(s.start, s.end));
}

describe('splitClauses', () => {
  it.each<[string, string[]]>([
    [
      '4 agentes con chalecos de ICE en 1st y Soto, ahora, 2 SUV negras',
      ['4 agentes con chalecos de ICE en 1st y Soto', 'ahora', '2 SUV negras'],
    ],
    ['cuatro agentes y dos camionetas', ['cuatro agentes', 'dos camionetas']],
    ['3 agents and a black SUV', ['3 agents', 'a black SUV']],
    ['ICE at 5th and Main', ['ICE at 5th and Main']],
    ['entre 3 y 4 agentes', ['entre 3 y 4 agentes']],
    ['hay migra. Están en Main St. y 5th', ['hay migra', 'Están en Main St. y 5th']],
    ['a las 7.30 llegaron', ['a las 7.30 llegaron']],
    ['I.C.E. agents', ['I.C.E. agents']],
    ['line one\nline two', ['line one', 'line two']],
    ['ICE 🚨🚨 3 agentes', ['ICE', '3 agentes']],
    ['vi 2 carros pero ya se fueron', ['vi 2 carros', 'ya se fueron']],
    ['hay migra y se llevaron a alguien', ['hay migra', 'se llevaron a alguien']],
    ['1,000 cosas', ['1,000 cosas']],
    ['ICE - ahora', ['ICE', 'ahora']],
    ['', []],
    [' , ; ', []],
  ])('%j', (text, want) => {
    expect(parts(text)).toEqual(want);
  });
});
