import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Shared flat config: type-checked rules, type-only imports, and env access only through env.ts. */
export default tseslint.config(
  { ignores: ["**/dist/**", "**/.next/**", "**/generated/**", "**/*.config.*", "**/next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through the package's env.ts." },
      ],
    },
  },
  {
    files: ["**/env.ts", "**/*.test.ts", "**/test/**", "**/e2e/**", "**/scripts/**"],
    rules: { "no-restricted-properties": "off" },
  },
);
