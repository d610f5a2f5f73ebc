import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // The domain is pure and shared by both ends: no transport, storage, UI or Node I/O.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['socket.io', 'socket.io-*', 'express', 'express-*', 'react', 'react-*', 'react/*', 'zustand', 'zustand/*', 'better-sqlite3', 'qrcode', 'i18next', 'wouter', 'nanoid'], message: 'shared/ is the pure domain: no server or UI libraries.' },
            { group: ['node:*', 'fs', 'path', 'http', 'crypto', 'os', 'child_process'], message: 'shared/ is I/O-free: no Node built-ins.' },
            { group: ['**/server/**', '**/client/**'], message: 'shared/ must not import from server/ or client/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.tsx', 'client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
