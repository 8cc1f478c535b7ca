import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const engineForbidden = {
  patterns: [
    { group: ['react', 'react-*', 'react/*'], message: 'The engine is pure: no React.' },
    { group: ['comlink', 'zustand', 'zustand/*', 'recharts', 'katex', 'idb-keyval'], message: 'The engine is pure: no UI, worker or storage libraries.' },
    { group: ['node:*', 'fs', 'path', 'os'], message: 'The engine runs in workers too: no Node built-ins.' },
    { group: ['**/workers/**', '**/stores/**', '**/features/**', '**/components/**', '**/app/**'], message: 'Dependencies point one way: engine <- workers <- stores <- features.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', engineForbidden],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'postMessage', 'localStorage', 'indexedDB', 'navigator', 'Math.random'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded RNG in engine/data/rng.ts.' }],
    },
  },
  {
    files: ['src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/stores/**', '**/features/**', '**/components/**', '**/app/**', 'react', 'react-dom'], message: 'Workers depend only on the engine.' }] }],
    },
  },
  {
    files: ['src/stores/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/app/**'], message: 'Stores never import panels.' }] }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(only|skip|todo)$/]", message: 'No focused or skipped tests.' },
      ],
    },
  },
);
