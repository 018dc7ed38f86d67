// Build the card into a temporary directory and compare it byte for byte with the
// committed bundle that the integration serves.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";

import { BUNDLE_DIR, BUNDLE_NAME } from "../vite.config.mjs";

const outDir = mkdtempSync(join(tmpdir(), "claude-usage-card-"));
try {
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const fresh = readFileSync(join(outDir, BUNDLE_NAME));
  let committed;
  try {
    committed = readFileSync(join(BUNDLE_DIR, BUNDLE_NAME));
  } catch {
    committed = undefined;
  }
  if (committed === undefined || !fresh.equals(committed)) {
    console.error(
      `bundle is stale: run npm run build (custom_components/claude_usage/www/${BUNDLE_NAME} ` +
        "does not match a fresh build of card/src)",
    );
    process.exitCode = 1;
  } else {
    console.log(`bundle is up to date (${fresh.length} bytes)`);
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
