import { describe, expect, it } from 'vitest';
import { greeting } from '../src/greeting.js';

describe('greeting', () => {
  it('names the user and the placement', () => {
    expect(greeting({ placement: 'IM_SIDEBAR', userId: 7 })).toBe('Hello, user 7! This is IM_SIDEBAR.');
  });

  it('works without a user', () => {
    expect(greeting({ placement: 'IM_SIDEBAR', userId: null })).toBe('Hello, someone! This is IM_SIDEBAR.');
  });
});
