import { describe, expect, it } from 'vitest';
import { costFields, exampleInputs, parseField, parseInputs, type CostInputName } from './inputs.ts';

const field = (name: CostInputName) => {
  const found = costFields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

const asText = (values: Record<CostInputName, number>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)])) as Record<CostInputName, string>;

describe('parseField', () => {
  it('accepts whole numbers, decimals and surrounding spaces', () => {
    expect(parseField(field('nodes'), ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseField(field('storagePricePerGbMonth'), '0.095')).toEqual({ ok: true, value: 0.095 });
    expect(parseField(field('egressPricePerGb'), '.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseField(field('nodes'), '0')).toEqual({ ok: true, value: 0 });
  });

  it('asks for a number when the field is empty', () => {
    const result = parseField(field('nodes'), '   ');
    expect(result).toEqual({ ok: false, message: 'Enter a number for “Nodes that pull each new version”.' });
  });

  it('refuses negative numbers', () => {
    const result = parseField(field('egressPricePerGb'), '-0.1');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('cannot be negative');
  });

  it('refuses text, exponents and thousands separators, saying how to write the number', () => {
    for (const raw of ['abc', '1e9', '1,000', '1.2.3', 'Infinity', 'NaN', '0x10']) {
      const result = parseField(field('nodes'), raw);
      expect(result.ok, raw).toBe(false);
      expect(!result.ok && result.message, raw).toContain('is not a number');
    }
  });

  it('refuses fractions of a count', () => {
    const result = parseField(field('versionsKept'), '2.5');
    expect(!result.ok && result.message).toContain('whole number');
  });

  it('refuses numbers above the field’s limit', () => {
    const result = parseField(field('nodes'), '100001');
    expect(!result.ok && result.message).toContain('at most 100,000');
    expect(parseField(field('nodes'), '100000')).toEqual({ ok: true, value: 100_000 });
    expect(parseField(field('storagePricePerGbMonth'), '99999999999999999999999').ok).toBe(false);
  });
});

describe('parseInputs', () => {
  it('round-trips the example inputs', () => {
    expect(parseInputs(asText({ ...exampleInputs }))).toEqual({ ok: true, inputs: exampleInputs });
  });

  it('reports every bad field at once, by name', () => {
    const raw = { ...asText({ ...exampleInputs }), nodes: '', egressPricePerGb: '-1' };
    const result = parseInputs(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['egressPricePerGb', 'nodes']);
  });
});

describe('costFields', () => {
  it('labels every field and keeps each example within its limits', () => {
    for (const candidate of costFields) {
      expect(candidate.label.length).toBeGreaterThan(3);
      expect(candidate.example).toBeGreaterThanOrEqual(0);
      expect(candidate.example).toBeLessThanOrEqual(candidate.max);
    }
  });
});
