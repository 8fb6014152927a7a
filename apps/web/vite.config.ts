import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// The runtime serves /api and socket.io; in dev Vite forwards both so the app always talks to its own origin.
const runtime = process.env.EVENTLOOM_RUNTIME_URL ?? "http://localhost:4400";

export default defineConfig({
  plugins: [react()],
  // Use workspace packages' TypeScript source: no prior build of @eventloom/schema needed.
  resolve: { conditions: ["@eventloom/source", ...defaultClientConditions] },
  server: {
    proxy: {
      "/api": { target: runtime, changeOrigin: true },
      "/socket.io": { target: runtime, ws: true, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      "/api": { target: runtime, changeOrigin: true },
      "/socket.io": { target: runtime, ws: true, changeOrigin: true },
    },
  },
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 1000 },
});
