import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../src/core/day.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('the one date format', () => {
  it('is local YYYY-MM-DD and YYYY-MM-DD HH:MM, zero-padded, 24-hour', () => {
    expect(formatDate(new Date(2026, 0, 5, 7, 3).getTime())).toBe('2026-01-05');
    expect(formatDateTime(new Date(2026, 0, 5, 7, 3).getTime())).toBe('2026-01-05 07:03');
    expect(formatDateTime(new Date(2026, 11, 31, 23, 59, 59).getTime())).toBe('2026-12-31 23:59');
    expect(formatDateTime(new Date(2026, 2, 1, 0, 0).getTime())).toBe('2026-03-01 00:00');
  });

  it('follows the local time zone, not UTC', () => {
    const at = Date.UTC(2026, 10, 20, 3, 30);
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate(at)).toBe('2026-11-19');
    expect(formatDateTime(at)).toBe('2026-11-19 19:30');
    process.env.TZ = 'Asia/Kolkata';
    expect(formatDateTime(at)).toBe('2026-11-20 09:00');
    process.env.TZ = 'UTC';
    expect(formatDateTime(at)).toBe('2026-11-20 03:30');
  });
});
