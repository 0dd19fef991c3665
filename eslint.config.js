// Lint: the layers of docs/architecture.md, enforced. The core imports nothing that does I/O
// and nothing from the shell; the store knows nothing of the command line.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'os', 'process', 'readline', 'tty', 'worker_threads'].flatMap((m) => [
  { name: m, message: 'The core is pure: file, process and terminal work belongs in src/store, src/ops or src/cli.' },
  { name: `node:${m}`, message: 'The core is pure: file, process and terminal work belongs in src/store, src/ops or src/cli.' },
]);
const layer = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/out/**', 'coverage/**', 'examples/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        structuredClone: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES,
          patterns: [
            layer(['**/store/**', '**/store/*'], 'The core does not read or write files: take the data as a parameter (src/store loads it).'),
            layer(['**/cli/**', '**/cli/*'], 'The core does not know the command line: return data or an Invalid, and let src/cli word it.'),
            layer(['**/render/**', '**/render/*'], 'The core returns data; src/render turns it into text.'),
            layer(['**/ops/**', '**/ops/*'], 'The core builds edits; src/ops writes them.'),
            layer(['**/errors.js'], 'The core returns problems and Invalid values; it does not throw user errors.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core never touches process: take what it needs as a parameter.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core never reads the clock: take `today` as a parameter.' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The core never reads the clock: take `today` as a parameter.',
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(['**/cli/**', '**/cli/*'], 'The store does not know the command line: throw UserError from src/errors.ts.'),
            layer(['**/ops/**', '**/ops/*'], 'The store is below src/ops.'),
            layer(['**/render/**', '**/render/*'], 'The store reads and writes files; it does not render.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['**/store/**', '**/store/*', '**/cli/**', '**/cli/*', '**/ops/**', '**/ops/*'],
              'Rendering turns data into text; it reads no files and knows no commands.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/ops/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer(['**/cli/commands/**', '**/cli/program.js'], 'Operations are shared by commands; they do not import one.')] },
      ],
    },
  },
);
