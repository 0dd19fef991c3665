// Adding a mentor or mentee: a new commented file, named from their name. Flags in a script; on
// a terminal without --name, a short form (the programme's matching criteria say which
// attributes to ask for, with the values already used in the folder offered as choices).
import { stringify } from 'yaml';
import { suggestId } from '../../core/folder.js';
import { sides } from '../../core/match/criteria.js';
import type { ProgrammeModel } from '../../core/model.js';
import { EXIT, UserError } from '../../errors.js';
import { createRecords, whileWriting } from '../../ops/workflow.js';
import { loadProgramme } from '../../store/load.js';
import { defineCommand, oneOf, option } from '../command.js';
import type { Context } from '../context.js';

export const command = defineCommand({
  name: 'add',
  writes: true,
  description: 'add a mentor or a mentee: a new file, named from their name',
  arguments: [{ name: '<role>', description: 'mentor or mentee' }],
  options: {
    name: option.value('--name <name>', 'their name (asked on a terminal when not given)'),
    email: option.value('--email <email>', 'their email'),
    phone: option.value('--phone <phone>', 'their phone'),
    attr: option.repeat('--attr <key=value>', 'an attribute the matching criteria use; values with commas make a list (repeat)'),
    capacity: option.value('--capacity <n>', 'mentors: how many mentees at once'),
  },
  async run(ctx, args, flags): Promise<number> {
    const role = oneOf('add', args[0]!, ['mentor', 'mentee'] as const);
    const person: Record<string, unknown> = {};
    const attributes: Record<string, unknown> = {};
    for (const pair of flags.attr) {
      const at = pair.indexOf('=');
      if (at < 1) throw new UserError(`--attr "${pair}" is not key=value`, 'Give it as --attr area=north, or --attr goals=cv,interviews for a list.');
      const value = pair.slice(at + 1).trim();
      attributes[pair.slice(0, at).trim()] = value.includes(',')
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : value;
    }
    let { name, email, phone } = flags;
    if (!name) {
      if (!ctx.stdinIsTTY) throw new UserError('say who to add', `Give --name "...", and --email, --phone, --attr key=value as needed.`);
      const answers = await ask(ctx, loadProgramme(ctx.dir, { cache: ctx.cache }).model, role);
      ({ name, email, phone } = answers);
      Object.assign(attributes, answers.attributes);
    }
    if (!name?.trim()) throw new UserError('say who to add', 'Give --name "...".');
    person.name = name.trim();
    if (email?.trim()) person.email = email.trim();
    if (phone?.trim()) person.phone = phone.trim();
    person.joined = ctx.today;
    if (role === 'mentor' && flags.capacity !== undefined) {
      if (!/^\d{1,2}$/.test(flags.capacity))
        throw new UserError(`--capacity "${flags.capacity}" is not a whole number`, 'Give how many mentees at once, e.g. --capacity 2.');
      person.capacity = Number(flags.capacity);
    }
    if (Object.keys(attributes).length > 0) person.attributes = attributes;
    return whileWriting(ctx, 'add', (loaded) => {
      const { model } = loaded;
      const email = typeof person.email === 'string' ? person.email.toLowerCase() : undefined;
      const same = [...model.mentors.values(), ...model.mentees.values()].find((p) => email !== undefined && p.data.email?.toLowerCase() === email);
      if (same)
        throw new UserError(
          `${same.data.name} (${same.file}) already has the email ${person.email}`,
          'Nothing was written. Is it the same person? Otherwise give another email.',
        );
      const base = suggestId(String(person.name));
      const taken = (id: string) => model.mentors.has(id) || model.mentees.has(id) || loaded.problems.some((p) => p.file.endsWith(`/${id}.yaml`));
      let id = base;
      for (let n = 2; taken(id); n++) id = `${base}-${n}`;
      const folder = role === 'mentor' ? 'mentors' : 'mentees';
      const text = [
        `# yaml-language-server: $schema=../schema/${role}.schema.json`,
        `# Added by mentor-coord add on ${ctx.today}. Record onboarding with: mentor-coord onboard ${id} <step>`,
        stringify(person, { lineWidth: 0 }).trimEnd(),
        '',
      ].join('\n');
      const [file] = createRecords(ctx, loaded, [{ file: `${folder}/${id}.yaml`, text, touches: [] }]);
      ctx.stderr(
        `Added ${person.name} as ${file}. Next: their onboarding (${model.settings.onboarding[role].required.join(', ')}): mentor-coord onboard ${id} <step>\n`,
      );
      if (ctx.json) ctx.stdout(`${JSON.stringify({ id, file }, null, 2)}\n`);
      return EXIT.ok;
    });
  },
});

async function ask(ctx: Context, model: ProgrammeModel, role: 'mentor' | 'mentee') {
  const prompts = await import('@inquirer/prompts');
  const io = ctx.promptStreams;
  const name = await prompts.input({ message: 'Name:', validate: (v) => v.trim() !== '' || 'A name, please' }, io);
  const email = await prompts.input({ message: 'Email (Enter to skip):' }, io);
  const phone = await prompts.input({ message: 'Phone (Enter to skip):' }, io);
  const attributes: Record<string, unknown> = {};
  const people = role === 'mentor' ? [...model.mentors.values()] : [...model.mentees.values()];
  const keys = [...new Set(model.settings.matching.criteria.map((c) => sides(c)[role]).filter((k) => k !== ''))];
  for (const key of keys) {
    const used = people.map((p) => p.data.attributes[key]).filter((v) => v !== undefined);
    const values = [...new Set(used.flatMap((v) => (Array.isArray(v) ? v.map(String) : [String(v)])))].sort();
    const isList = used.some((v) => Array.isArray(v));
    if (values.length === 0) {
      const typed = await prompts.input({ message: `${key} (Enter to skip):` }, io);
      if (typed.trim()) attributes[key] = typed.trim();
    } else if (isList) {
      const chosen = await prompts.checkbox({ message: `${key}:`, choices: values.map((v) => ({ name: v, value: v })) }, io);
      if (chosen.length > 0) attributes[key] = chosen;
    } else {
      const chosen = await prompts.select({ message: `${key}:`, choices: [...values.map((v) => ({ name: v, value: v })), { name: '(skip)', value: '' }] }, io);
      if (chosen) attributes[key] = chosen;
    }
  }
  return { name, email, phone, attributes };
}
