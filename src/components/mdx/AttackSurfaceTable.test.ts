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
    expect(nonroot?.cells.user.text).toBe('nonroot (uid 65532)');
    expect(nonroot?.cells.executables.exposed).toBeUndefined();
    expect(nonroot?.base).toBe('gcr.io/distroless/static-debian13:nonroot (assembled stand-in)');
  });
  it('names numeric users plainly, and uid 0 as root', () => {
    const numeric = { ...fixtureMeasurements, images: { ...fixtureMeasurements.images, scratch: { ...fixtureMeasurements.images.scratch, user: '65532:65532' }, distroless: { ...fixtureMeasurements.images.distroless, user: '0', uid: 0 } } };
    const [scratch, distroless] = attackSurfaceRows(numeric, ['scratch', 'distroless']);
    expect(scratch?.cells.user.text).toBe('uid 65532');
    expect(distroless?.cells.user).toMatchObject({ text: 'root (uid 0)', exposed: true });
    expect(scratch?.base).toBe('no base (scratch)');
  });
  it('validates its props', () => {
    expect(() => parseAttackSurfaceProps({ title: 'ok title', images: [] }, '/p/')).toThrow(/<AttackSurfaceTable> on \/p\/: images/);
  });
});
