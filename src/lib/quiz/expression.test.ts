import { describe, expect, it } from 'vitest';
import fixture from './test-fixtures/measurements.fixture.json' with { type: 'json' };
import { evaluate, ExpressionError, formatPath, parseExpression, referencedPaths } from './expression.ts';

const run = (source: string) => evaluate(parseExpression(source), fixture);

describe('expressions over measurements', () => {
  it('divides one image size by another', () => {
    expect(run('images["single-stage"].sizeBytes / images["distroless-static-nonroot"].sizeBytes')).toBe(200);
  });

  it('follows precedence, parentheses, unary minus and exponent notation', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('-2 * -3')).toBe(6);
    expect(run('8e8 / 1e6')).toBe(800);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('12 / 4 / 3')).toBe(1);
  });

  it('offers round, min, max and abs', () => {
    expect(run('round(images["single-stage"].startSeconds / 3, 2)')).toBe(0.17);
    expect(run('min(3, 1, 2) + max(3, 1, 2) + abs(-1)')).toBe(5);
  });

  it('accepts single quotes for keys', () => {
    expect(run("images['distroless-static-nonroot'].uid")).toBe(65532);
  });

  it('lists every path an expression reads', () => {
    const paths = referencedPaths(parseExpression('round(images["single-stage"].sizeBytes / images.x.sizeBytes, 1)'));
    expect(paths.map(formatPath)).toEqual(['images["single-stage"].sizeBytes', 'images.x.sizeBytes']);
  });

  it('names a missing measurement', () => {
    expect(() => run('images["scratch"].sizeBytes')).toThrow('measurement images.scratch.sizeBytes does not exist');
    expect(() => run('images["single-stage"].sizeInBytes')).toThrow(ExpressionError);
  });

  it('refuses a value that is not a number', () => {
    expect(() => run('images["single-stage"].user')).toThrow('is not a number (found "root")');
    expect(() => run('images["single-stage"]')).toThrow('is not a number');
  });

  it('refuses a division by zero', () => {
    expect(() => run('1 / (2 - 2)')).toThrow('finite');
  });

  it('reports syntax errors with their column', () => {
    expect(() => parseExpression('1 +')).toThrow('ends too early');
    expect(() => parseExpression('1 $ 2')).toThrow('column 3');
    expect(() => parseExpression('images[single]')).toThrow('expected a quoted key');
    expect(() => parseExpression('(1 + 2')).toThrow('expected ")"');
    expect(() => parseExpression('1 2')).toThrow('unexpected "2"');
    expect(() => parseExpression('eval(1)')).toThrow('unknown function "eval"');
  });

  it('cannot reach properties the measurements do not own', () => {
    expect(() => run('images.constructor')).toThrow('does not exist');
    expect(() => run('__proto__.x')).toThrow('does not exist');
  });
});
