# Control plane + built web client. Node 22 comes from the base image here; on bare machines the
# project brings its own through the `node` npm package.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN if [ -f client/vite.config.ts ]; then npx vite build client; fi

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production ENLACE_HOST=0.0.0.0 ENLACE_PORT=8080 ENLACE_DATA_DIR=/data
COPY --from=build /app /app
RUN useradd --system --home /data enlace && mkdir -p /data && chown enlace /data
USER enlace
EXPOSE 8080
CMD ["npx", "tsx", "server/serve.ts"]
