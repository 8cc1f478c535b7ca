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

/** Features talk to the rest through stores, components and lib only (issue 11: a thin middle). */
const featureForbidden = {
  patterns: [
    { group: ['**/workers', '**/workers/**'], message: 'Features never import workers: read the stores (src/stores) instead.' },
    { regex: '^\\.\\./(?!\\.\\./)', message: 'Features never import another feature: shared helpers live in src/components or src/lib.' },
    { group: ['**/features/**'], message: 'Features never import another feature: shared helpers live in src/components or src/lib.' },
    { group: ['**/app', '**/app/**'], message: 'Features never import the app shell.' },
  ],
};

/** The app shell is composition only: panels, stores and UI pieces, never the engine or workers (devtools/ excepted). */
const appForbidden = {
  patterns: [
    { group: ['**/workers', '**/workers/**'], message: 'The app is composition only: start workers through src/stores.' },
    { group: ['**/engine', '**/engine/**'], message: 'The app is composition only: engine numbers reach it through src/stores.' },
  ],
};

/** Shared UI pieces and helpers depend on nothing above them. */
const sharedForbidden = {
  patterns: [{ group: ['**/features/**', '**/app/**', '**/workers', '**/workers/**'], message: 'src/components and src/lib are shared helpers: no features, app or workers.' }],
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
    files: ['src/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', featureForbidden] },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/devtools/**'],
    rules: { 'no-restricted-imports': ['error', appForbidden] },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', sharedForbidden] },
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
