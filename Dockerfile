# Control plane + built web client. Node 22 comes from the base image here; on bare machines the
# project brings its own through the `node` npm package. What `COPY . .` receives is limited by
# .dockerignore (no keys, .env, local data). tests/integration/deploy/compose.test.ts builds this
# context and runs this image's command against real PostgreSQL and Synapse.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config client/vite.config.ts

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production ENLACE_HOST=0.0.0.0 ENLACE_PORT=8080 ENLACE_DATA_DIR=/data
COPY --from=build /app /app
RUN useradd --system --home /data enlace && mkdir -p /data && chown enlace /data && chmod 700 /data
USER enlace
EXPOSE 8080
HEALTHCHECK --interval=10s --retries=30 CMD ["node", "-e", "fetch('http://127.0.0.1:8080/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly (not npx): no package lookup at start, and SIGTERM reaches the server's own handler.
CMD ["node", "--import", "tsx", "server/serve.ts"]
