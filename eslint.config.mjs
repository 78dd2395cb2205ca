// Lint gates of STYLE.md: typed TypeScript rules everywhere, and src/core stays free of vscode and the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.ci/**', 'corpus/**', 'media/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			eqeqeq: ['error', 'smart'],
			curly: ['error', 'multi-line'],
			'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Article text is untrusted: use textContent.' }, { property: 'outerHTML', message: 'Article text is untrusted: use textContent.' }],
		},
	},
	{
		files: ['src/core/**/*.ts', 'src/cli.ts'],
		rules: {
			'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core runs in plain Node: no vscode import.' }] }],
		},
	},
	{
		files: ['**/*.mjs', 'scripts/**/*.mjs', 'test/**/*.mjs'],
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
	},
);
