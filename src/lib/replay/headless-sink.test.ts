import { describe, expect, it } from 'vitest';
import { HeadlessSink } from './headless-sink.ts';

describe('HeadlessSink', () => {
  it('resets in order with writes still queued, so output from before a seek never lands after it', async () => {
    const sink = new HeadlessSink(20, 3);
    sink.write('before the seek');
    sink.reset();
    await new Promise<void>((resolve) => sink.write('after', resolve));
    expect(sink.screenText()).toEqual(['after', '', '']);
    sink.dispose();
  });
});
