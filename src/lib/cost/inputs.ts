/**
 * The cost calculator's inputs: what each one means, its limits, and how text typed by a learner becomes a
 * number or a message saying what to fix. DOM-free, so the server render and the browser share it.
 */

export interface CostInputs {
  /** Machines that each pull the image on every deploy. */
  nodes: number;
  /** Deploys (new versions rolled out) per day. */
  deploysPerDay: number;
  /** Versions of the image the registry keeps. */
  versionsKept: number;
  /** What the registry charges per GB stored for a month. */
  storagePricePerGbMonth: number;
  /** What the network charges per GB sent out of the registry. */
  egressPricePerGb: number;
}

export type CostInputName = keyof CostInputs;

export interface CostField {
  name: CostInputName;
  label: string;
  /** One sentence under the field. */
  help: string;
  /** Whole numbers only (counts), or decimals allowed (prices). */
  integer: boolean;
  /** Largest accepted value: above it the number is almost surely a typo, and the table would be nonsense. */
  max: number;
  /** The worked example's value: hypothetical and round, to be replaced by the learner's own. */
  example: number;
}

export const costFields: readonly CostField[] = [
  {
    name: 'nodes',
    label: 'Nodes that pull each new version',
    help: 'Machines that run the service and must download every new version.',
    integer: true,
    max: 100_000,
    example: 20,
  },
  {
    name: 'deploysPerDay',
    label: 'Deploys per day',
    help: 'New versions rolled out per day, averaged over a month.',
    integer: false,
    max: 10_000,
    example: 10,
  },
  {
    name: 'versionsKept',
    label: 'Versions kept in the registry',
    help: 'How many pushed versions your clean-up policy keeps.',
    integer: true,
    max: 1_000_000,
    example: 100,
  },
  {
    name: 'storagePricePerGbMonth',
    label: 'Storage price per GB per month',
    help: 'From your registry’s price list, in your currency.',
    integer: false,
    max: 1_000,
    example: 0.1,
  },
  {
    name: 'egressPricePerGb',
    label: 'Transfer (egress) price per GB',
    help: 'What one GB pulled by your nodes costs; 0 if pulls stay inside a free zone.',
    integer: false,
    max: 1_000,
    example: 0.1,
  },
];

export const exampleInputs: CostInputs = Object.fromEntries(costFields.map((field) => [field.name, field.example])) as unknown as CostInputs;

export type FieldResult = { ok: true; value: number } | { ok: false; message: string };

const decimal = /^\d+(\.\d+)?$|^\.\d+$/;

/** Turns what a learner typed into a number, or a message that says what is wrong and how to fix it. */
export function parseField(field: CostField, raw: string): FieldResult {
  const text = raw.trim();
  if (text === '') return { ok: false, message: `Enter a number for “${field.label}”.` };
  if (text.startsWith('-')) return { ok: false, message: `“${field.label}” cannot be negative: enter 0 or more.` };
  if (!decimal.test(text)) {
    return { ok: false, message: `“${text}” is not a number: use digits and a point for decimals, without thousands separators (e.g. ${field.example}).` };
  }
  const value = Number(text);
  if (field.integer && !Number.isInteger(value)) return { ok: false, message: `“${field.label}” is a count: enter a whole number.` };
  if (value > field.max) {
    return { ok: false, message: `${text} is more than this calculator accepts for “${field.label}” (at most ${field.max.toLocaleString('en')}). Check for an extra digit.` };
  }
  return { ok: true, value };
}

export type InputsResult =
  | { ok: true; inputs: CostInputs }
  | { ok: false; errors: Partial<Record<CostInputName, string>> };

/** Parses every field; on failure returns one message per bad field, so each can be shown beside its input. */
export function parseInputs(raw: Readonly<Record<CostInputName, string>>): InputsResult {
  const errors: Partial<Record<CostInputName, string>> = {};
  const values: Partial<CostInputs> = {};
  for (const field of costFields) {
    const result = parseField(field, raw[field.name]);
    if (result.ok) values[field.name] = result.value;
    else errors[field.name] = result.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, inputs: values as CostInputs };
}
