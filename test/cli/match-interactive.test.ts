// match --interactive through the real prompts: accept, choose another mentor, skip, stop; and
// Ctrl-C, which writes nothing.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { command } from '../../src/cli/commands/match-propose.js';
import { makeContext } from '../../src/cli/context.js';
import { programmeCopy } from '../fixtures/programme.js';
import { KEY, Terminal } from '../fixtures/terminal.js';
import { EXAMPLE_TODAY } from '../helpers.js';

function session(dir: string, terminal: Terminal) {
  const ctx = {
    ...makeContext({ dir, today: EXAMPLE_TODAY, cache: false, color: false }),
    stdinIsTTY: true,
    promptStreams: { input: terminal.input, output: terminal.output },
    stderr: () => {},
  };
  return command.run(ctx, [], { interactive: true });
}

describe('match --interactive', () => {
  it('accepts, takes another mentor (showing what it costs), skips, and writes only what was accepted', async () => {
    const p = programmeCopy();
    const before = new Set(readdirSync(p.path('matches')));
    const t = new Terminal();
    const done = session(p.dir, t);
    await t.expect('Adaeze Uche with Oisín Mac Giolla Íosa: score 4');
    await t.expect('Propose Oisín Mac Giolla Íosa for Adaeze Uche?', KEY.enter); // accept
    await t.expect('Propose ');
    await t.expect(' instead (score ');
    await t.expect('matched (');
    await t.expect('?', KEY.down, KEY.enter); // the first alternative
    await t.expect('Propose ');
    await t.expect('Skip: leave', KEY.up, KEY.up, KEY.enter); // skip is second from the bottom
    await t.expect('Propose ');
    await t.expect('Stop here', KEY.up, KEY.enter);
    expect(await done).toBe(0);
    const added = readdirSync(p.path('matches')).filter((f) => !before.has(f));
    expect(added).toHaveLength(2);
    expect(parse(p.read('matches/2026-11-adaeze-uche.yaml'))).toMatchObject({ mentor: 'oisin-mac-giolla-iosa', status: 'proposed' });
    expect(t.text).toMatch(/Wrote 2 proposed matches/);
  });

  it('writes nothing after Ctrl-C', async () => {
    const p = programmeCopy();
    const before = readdirSync(p.path('matches')).length;
    const t = new Terminal();
    const done = session(p.dir, t);
    await t.expect('Propose Oisín Mac Giolla Íosa for Adaeze Uche?', KEY.enter);
    await t.expect('Propose ', KEY.ctrlC);
    await expect(done).rejects.toThrow(/force closed|User force closed/i);
    expect(readdirSync(p.path('matches'))).toHaveLength(before);
  });
});
