# syntax=docker/dockerfile:1
# Centinela: multi-stage build; runs as a non-root user with its data on a volume.
# Node 24 LTS (Node 20 reached end of life on 2026-04-30). CI runs the whole suite on 20 and 24.

FROM node:24-bookworm-slim AS build
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
COPY bin ./bin
# compiles to dist/ and copies migrations, locales and the simulator page beside the code
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    CENTINELA_CONFIG=/config/centinela.yaml
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/package.json ./package.json
# The admin CLI, compiled: `docker compose exec centinela centinela signal link`, `whatsapp link`,
# `check-config`, `backup /data/backups/now.db.age` (bin/centinela.js runs dist/app/cli.js here).
RUN ln -s /app/bin/centinela.js /usr/local/bin/centinela
# A fixed id (the one the system range gives it here anyway), so the host can give the secret file
# to this user alone: chown 999:999 secrets/centinela_secret; chmod 400 (Compose mounts it as is).
RUN groupadd --system --gid 999 centinela && useradd --system --uid 999 --gid centinela --home /data centinela \
 && mkdir -p /data /config && chown centinela:centinela /data
USER centinela
VOLUME ["/data"]
# http.port's default; the config or CENTINELA_PORT / PORT change it, and the HEALTHCHECK follows.
EXPOSE 3000
# Asks /livez (the process answers; a platform being down does not fail it: a restart would not fix
# that, see /readyz) on this machine, on the configured port, with http.metricsToken when one is set.
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "dist/app/healthcheck.js"]
# Memory: the young generation's cap (Node 24 lets it grow to 64 MB), 16 MB per semi-space as on
# Node 20, and two V8 background threads (the default four hold about 5 MB more, for no speed on
# a small server). The same flags are in `npm start` and `npm run bench` (tests/node-flags.test.ts).
CMD ["node", "--max-semi-space-size=16", "--v8-pool-size=2", "dist/app/main.js"]
