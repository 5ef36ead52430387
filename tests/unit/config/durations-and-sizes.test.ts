import { describe, expect, it } from 'vitest';
import { parseByteSize, parseDuration } from '../../../src/config/load-config.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['1d2h3m4s', 93_784_000],
    [' 1h 30m ', 5_400_000],
    ['15M', 900_000],
    ['0s', 0],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '15', '15x', 'm', '30m1h', '1.5h', '-5m', '1h1h', '15 minutes'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('parseByteSize', () => {
  it.each<[string | number, number]>([
    ['512KB', 512 * 1024],
    ['10MB', 10 * 1024 * 1024],
    ['10 MB', 10 * 1024 * 1024],
    ['1GB', 1024 ** 3],
    ['2MiB', 2 * 1024 * 1024],
    ['1.5KB', 1536],
    ['2048', 2048],
    ['100B', 100],
    ['10mb', 10 * 1024 * 1024],
    [4096, 4096],
  ])('reads %j as %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each<string | number>(['', 'MB', '10 MBB', '10TB', '-1', 'ten', 1.5, -3])('refuses %j', (text) => {
    expect(parseByteSize(text)).toBeNull();
  });
});
