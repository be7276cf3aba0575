# syntax=docker/dockerfile:1
# Centinela: multi-stage build; runs as a non-root user with its data on a volume.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY adapters ./adapters
COPY store ./store
COPY app ./app
COPY locales ./locales
COPY scripts ./scripts
# compiles to dist/ and copies migrations, locales and the simulator page beside the code
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CENTINELA_CONFIG=/config/centinela.yaml
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
RUN groupadd --system centinela && useradd --system --gid centinela --home /data centinela \
 && mkdir -p /data /config && chown centinela:centinela /data
USER centinela
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/app/main.js"]
