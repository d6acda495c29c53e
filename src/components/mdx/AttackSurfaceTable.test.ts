import { describe, expect, it } from 'vitest';
import { fixtureMeasurements } from '../../lib/figures/fixtures/measurements.ts';
import { attackSurfaceRows, parseAttackSurfaceProps } from './AttackSurfaceTable.ts';

describe('attackSurfaceRows', () => {
  const [single, nonroot] = attackSurfaceRows(fixtureMeasurements, ['single-stage', 'distroless-static-nonroot']);
  it('marks root, shells, package managers and setuid files as exposed', () => {
    expect(single?.cells.user).toEqual({ value: 0, text: 'root (uid 0)', exposed: true });
    expect(single?.cells.shells).toEqual({ value: 2, text: '2', exposed: true, detail: '/bin/sh, /bin/bash' });
    expect(single?.cells.packageManagers.exposed).toBe(true);
    expect(single?.cells.setuidFiles).toEqual({ value: 12, text: '12', exposed: true });
  });
  it('says none where there is nothing, and nonroot is not exposed', () => {
    expect(nonroot?.cells.shells).toEqual({ value: 0, text: 'none', exposed: false });
    expect(nonroot?.cells.user.exposed).toBe(false);
    expect(nonroot?.cells.executables.exposed).toBe(false);
    expect(nonroot?.base).toContain('assembled');
  });
  it('validates its props', () => {
    expect(() => parseAttackSurfaceProps({ title: 'ok title', images: [] }, '/p/')).toThrow(/<AttackSurfaceTable> on \/p\/: images/);
  });
});
