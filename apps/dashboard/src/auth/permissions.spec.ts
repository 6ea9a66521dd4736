import { describe, expect, it } from 'vitest';
import { aToken } from '../testing/fixtures';
import { ACTIONS, can } from './permissions';

describe('can', () => {
  it('lets an admin do everything on every game', () => {
    expect(ACTIONS.every((action) => can(aToken({ role: 'admin' }), action, 'any'))).toBe(true);
  });

  it('lets an operator change schedulers but not delete them', () => {
    const operator = aToken({ role: 'operator' });
    expect(ACTIONS.filter((action) => can(operator, action, 'shooter'))).toEqual(['scale', 'newVersion', 'switchVersion', 'cancelOperation', 'simulate']);
  });

  it('lets a viewer only simulate, and a matchmaker do nothing', () => {
    expect(ACTIONS.filter((action) => can(aToken({ role: 'viewer' }), action, 'shooter'))).toEqual(['simulate']);
    expect(ACTIONS.some((action) => can(aToken({ role: 'matchmaker' }), action, 'shooter'))).toBe(false);
  });

  it('limits a token to its games', () => {
    const token = aToken({ role: 'admin', games: ['shooter'] });
    expect(can(token, 'scale', 'shooter')).toBe(true);
    expect(can(token, 'scale', 'chess')).toBe(false);
  });
});
