import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOCK_LENGTHS, mockMinutes, nextMockLength, orderPrompts, readMockLength, suitsRole } from '../../src/core/design-prompts.js';

describe('design prompt order', () => {
  it('the role\'s prompts first (due ones leading), then due ones, then the rest, file order within each', () => {
    const prompts = [
      { id: 'a', forRole: false, due: false },
      { id: 'b', forRole: true, due: false },
      { id: 'c', forRole: false, due: true },
      { id: 'd', forRole: true, due: true },
      { id: 'e', forRole: true, due: false },
      { id: 'f', forRole: false, due: true },
    ];
    expect(orderPrompts(prompts).map((p) => p.id)).toEqual(['d', 'b', 'e', 'c', 'f', 'a']);
  });

  it('keeps every prompt, and no prompt of the role comes after one that is not', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ forRole: fc.boolean(), due: fc.boolean() })), (prompts) => {
        const ordered = orderPrompts(prompts);
        expect(ordered).toHaveLength(prompts.length);
        expect(new Set(ordered)).toEqual(new Set(prompts));
        const firstOther = ordered.findIndex((p) => !p.forRole);
        if (firstOther >= 0) expect(ordered.slice(firstOther).some((p) => p.forRole)).toBe(false);
      }),
    );
  });

  it('a prompt suits a role when tagged with its id; no role, no star', () => {
    expect(suitsRole(['cdn', 'software-engineer'], 'software-engineer')).toBe(true);
    expect(suitsRole(['cdn'], 'software-engineer')).toBe(false);
    expect(suitsRole(['software-engineer'], null)).toBe(false);
    expect(suitsRole(undefined, 'software-engineer')).toBe(false);
  });
});

describe('mock length', () => {
  it('cycles full, 30, 20, 10 and back; anything unknown reads as full', () => {
    expect(MOCK_LENGTHS.map(nextMockLength)).toEqual(['30', '20', '10', 'full']);
    expect(readMockLength(undefined)).toBe('full');
    expect(readMockLength('')).toBe('full');
    expect(readMockLength('20')).toBe('20');
    expect(readMockLength('45')).toBe('full');
  });

  it('shortens a prompt, and never stretches one', () => {
    expect(mockMinutes('full', 45)).toBeUndefined();
    expect(mockMinutes('30', 45)).toBe(30);
    expect(mockMinutes('10', 45)).toBe(10);
    expect(mockMinutes('30', 20)).toBeUndefined();
    expect(mockMinutes('20', 20)).toBeUndefined();
  });
});
