/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development `npm run dev` serves the app and proxies the API to a gateway on its default port.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080", "/dev-issuer": "http://127.0.0.1:8080" },
    // The validation and id-pattern cases the domain's tests share with ours live with the repository's test fixtures.
    fs: { allow: [".", "../../tests/fixtures/validation", "../../tests/fixtures/id-patterns"] },
  },
  test: { environment: "jsdom", include: ["src/**/*.test.{ts,tsx}"], css: false },
});
