/**
 * Arithmetic over the lab's measurements, so numeric answers stay true when the lab is re-run.
 *
 * Grammar (no variables, no calls except a few pure functions, nothing is `eval`ed):
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := '-' unary | primary
 *   primary    := number | path | function '(' expression (',' expression)* ')' | '(' expression ')'
 *   path       := identifier ( '.' identifier | '[' "string" ']' )*
 *   function   := round | min | max | abs
 * Example: `images["single-stage"].sizeBytes / images["distroless-static-nonroot"].sizeBytes`.
 */

export type Expression =
  | { kind: 'number'; value: number }
  | { kind: 'path'; segments: string[] }
  | { kind: 'negate'; operand: Expression }
  | { kind: 'binary'; operator: '+' | '-' | '*' | '/'; left: Expression; right: Expression }
  | { kind: 'call'; name: FunctionName; args: Expression[] };

const functions = {
  round: (value: number, decimals = 0) => {
    const factor = 10 ** decimals;
    return Math.round(value * factor) / factor;
  },
  min: (...values: number[]) => Math.min(...values),
  max: (...values: number[]) => Math.max(...values),
  abs: (value: number) => Math.abs(value),
} as const;
type FunctionName = keyof typeof functions;

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'identifier'; value: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'punctuation'; value: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    const identifier = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (identifier) {
      tokens.push({ kind: 'identifier', value: identifier[0], at });
      at += identifier[0].length;
      continue;
    }
    const string = /^"([^"\\]*)"|^'([^'\\]*)'/.exec(rest);
    if (string) {
      tokens.push({ kind: 'string', value: string[1] ?? string[2] ?? '', at });
      at += string[0].length;
      continue;
    }
    if ('+-*/()[].,'.includes(rest[0] ?? '')) {
      tokens.push({ kind: 'punctuation', value: rest[0] ?? '', at });
      at += 1;
      continue;
    }
    throw new ExpressionError(`unexpected "${rest[0]}" at column ${at + 1} of "${source}"`);
  }
  return tokens;
}

/** Parses an expression; throws ExpressionError naming the column of the first mistake. */
export function parseExpression(source: string): Expression {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const where = () => {
    const token = peek();
    return token ? `at column ${token.at + 1}` : 'at the end';
  };
  const isPunctuation = (value: string) => {
    const token = peek();
    return token?.kind === 'punctuation' && token.value === value;
  };
  const expect = (value: string) => {
    if (!isPunctuation(value)) throw new ExpressionError(`expected "${value}" ${where()} of "${source}"`);
    position += 1;
  };

  function expression(): Expression {
    let left = term();
    while (isPunctuation('+') || isPunctuation('-')) {
      const operator = (tokens[position++] as Token).value as '+' | '-';
      left = { kind: 'binary', operator, left, right: term() };
    }
    return left;
  }
  function term(): Expression {
    let left = unary();
    while (isPunctuation('*') || isPunctuation('/')) {
      const operator = (tokens[position++] as Token).value as '*' | '/';
      left = { kind: 'binary', operator, left, right: unary() };
    }
    return left;
  }
  function unary(): Expression {
    if (isPunctuation('-')) {
      position += 1;
      return { kind: 'negate', operand: unary() };
    }
    return primary();
  }
  function primary(): Expression {
    const token = peek();
    if (!token) throw new ExpressionError(`expression "${source}" ends too early`);
    if (token.kind === 'number') {
      position += 1;
      return { kind: 'number', value: token.value };
    }
    if (isPunctuation('(')) {
      position += 1;
      const inner = expression();
      expect(')');
      return inner;
    }
    if (token.kind === 'identifier') {
      position += 1;
      if (isPunctuation('(')) {
        if (!Object.hasOwn(functions, token.value)) {
          throw new ExpressionError(`unknown function "${token.value}" in "${source}" (known: ${Object.keys(functions).join(', ')})`);
        }
        position += 1;
        const args = [expression()];
        while (isPunctuation(',')) {
          position += 1;
          args.push(expression());
        }
        expect(')');
        return { kind: 'call', name: token.value as FunctionName, args };
      }
      const segments = [token.value];
      for (;;) {
        if (isPunctuation('.')) {
          position += 1;
          const name = peek();
          if (name?.kind !== 'identifier') throw new ExpressionError(`expected a field name ${where()} of "${source}"`);
          position += 1;
          segments.push(name.value);
        } else if (isPunctuation('[')) {
          position += 1;
          const key = peek();
          if (key?.kind !== 'string') throw new ExpressionError(`expected a quoted key ${where()} of "${source}"`);
          position += 1;
          expect(']');
          segments.push(key.value);
        } else {
          return { kind: 'path', segments };
        }
      }
    }
    throw new ExpressionError(`unexpected "${token.value}" ${where()} of "${source}"`);
  }

  const result = expression();
  if (position < tokens.length) throw new ExpressionError(`unexpected "${peek()?.value}" ${where()} of "${source}"`);
  return result;
}

/** Writes a path the way authors do: `images["single-stage"].sizeBytes`. */
export function formatPath(segments: readonly string[]): string {
  return segments
    .map((segment, index) =>
      index > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? `.${segment}` : index === 0 ? segment : `["${segment}"]`,
    )
    .join('');
}

/** Every measurement path an expression reads, for the authoring check and for citing the source. */
export function referencedPaths(expression: Expression): string[][] {
  switch (expression.kind) {
    case 'number':
      return [];
    case 'path':
      return [expression.segments];
    case 'negate':
      return referencedPaths(expression.operand);
    case 'binary':
      return [...referencedPaths(expression.left), ...referencedPaths(expression.right)];
    case 'call':
      return expression.args.flatMap(referencedPaths);
  }
}

/** Looks a path up in the measurements; returns a message instead of a number when it is missing or not a number. */
export function lookUp(measurements: unknown, segments: readonly string[]): number | string {
  let value: unknown = measurements;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) {
      return `measurement ${formatPath(segments)} does not exist`;
    }
    value = (value as Record<string, unknown>)[segment];
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `measurement ${formatPath(segments)} is not a number (found ${JSON.stringify(value)})`;
  }
  return value;
}

/** Evaluates against measurements; throws ExpressionError for a missing measurement or a non-finite result. */
export function evaluate(expression: Expression, measurements: unknown): number {
  const value = evaluateNode(expression, measurements);
  if (!Number.isFinite(value)) throw new ExpressionError('the expression does not give a finite number (division by zero?)');
  return value;
}

function evaluateNode(expression: Expression, measurements: unknown): number {
  switch (expression.kind) {
    case 'number':
      return expression.value;
    case 'path': {
      const value = lookUp(measurements, expression.segments);
      if (typeof value === 'string') throw new ExpressionError(value);
      return value;
    }
    case 'negate':
      return -evaluateNode(expression.operand, measurements);
    case 'binary': {
      const left = evaluateNode(expression.left, measurements);
      const right = evaluateNode(expression.right, measurements);
      if (expression.operator === '+') return left + right;
      if (expression.operator === '-') return left - right;
      if (expression.operator === '*') return left * right;
      return left / right;
    }
    case 'call': {
      const args = expression.args.map((argument) => evaluateNode(argument, measurements));
      // Each function takes numbers; arity is not checked, as Math's functions accept any count.
      const call: (...values: number[]) => number = functions[expression.name];
      return call(...args);
    }
  }
}
