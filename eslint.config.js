// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default defineConfig(
  {
    ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', '.lab-cache/', 'tests/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are how the site formats sizes and times; they are always intended.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => void thing()` callbacks are idiomatic for event handlers; braces add nothing there.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A leading underscore marks a value left out on purpose (e.g. removed by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Terminal engines parse escape sequences: control characters in their patterns are the point.
    files: ['src/lib/asciicast/**', 'src/lib/replay/**', 'src/lab/**', 'src/components/**/*.ts'],
    rules: {
      'no-control-regex': 'off',
    },
  },
  {
    // In tests a wrong assumption fails the test at once, which is what a non-null assertion should do there.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Astro files and plain JS config files are not in the TypeScript project the typed rules need.
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
