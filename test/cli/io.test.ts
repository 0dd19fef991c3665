import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drained } from '../../src/cli/io.js';

describe('waiting for stdout to drain', () => {
  it('waits only while the stream is full, and leaves no listener behind', async () => {
    const taken: string[] = [];
    const slow = new Writable({
      highWaterMark: 4,
      write(chunk: Buffer, _encoding, callback) {
        setTimeout(() => {
          taken.push(chunk.toString());
          callback();
        }, 1);
      },
    });
    await drained(slow); // nothing written: at once
    for (let i = 0; i < 30; i++) {
      slow.write(`block ${i};`);
      expect(slow.writableNeedDrain).toBe(true);
      await drained(slow);
      expect(slow.writableNeedDrain).toBe(false);
    }
    expect(taken.join('')).toBe(Array.from({ length: 30 }, (_, i) => `block ${i};`).join(''));
    expect(slow.listenerCount('drain')).toBe(0);
    expect(slow.listenerCount('close')).toBe(0);
    // A stream closed while full: the wait ends.
    slow.write('x'.repeat(100));
    const waiting = drained(slow);
    slow.destroy();
    await waiting;
  });
});
