import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The bundle is committed: the integration serves it from its www/ folder.
export const BUNDLE_DIR = fileURLToPath(
  new URL("../custom_components/claude_usage/www", import.meta.url),
);
export const BUNDLE_NAME = "claude-usage-card.js";

export default defineConfig({
  build: {
    outDir: BUNDLE_DIR,
    emptyOutDir: false,
    target: "es2022",
    minify: "terser",
    reportCompressedSize: true,
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL("src/index.ts", import.meta.url)),
      formats: ["es"],
      fileName: () => BUNDLE_NAME,
    },
  },
  test: {
    environment: "happy-dom",
    include: ["test/**/*.test.ts"],
  },
});
