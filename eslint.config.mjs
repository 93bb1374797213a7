import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import { defineConfig } from 'eslint/config'

export default defineConfig(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'examples/**', 'test/fixtures/**', 'src/rules/*/fixtures/**', 'bench/node_modules/**', 'bench/*.d.mts', 'scripts/*.d.mts'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mjs', 'vitest.config.ts', 'scripts/*.mjs', 'bench/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only the action shell talks to the GitHub toolkit.
    files: ['src/**/*.ts'],
    ignores: ['src/action/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@actions/*'], message: 'Only src/action/ may import @actions/*.' }] }],
    },
  },
  {
    files: ['scripts/*.mjs', 'bench/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)
