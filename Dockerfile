# The app's image, for compose.yaml (README: "Deploying on PostgreSQL"): `npm ci` from the lock
# file, the server compiled once at build time (the bundle `npm start` would build on first
# start), run as the unprivileged node user.
FROM node:20-bookworm-slim

WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, native modules included, so a change to the sources reuses this layer
# (measured where better-sqlite3 had to compile from source: 2 s to rebuild after an edit, not 75 s).
# `npm ci` skips install scripts because the project's own prepare script needs the sources,
# which come next; `npm rebuild` then runs only the dependencies' (better-sqlite3, esbuild).
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm rebuild && npm cache clean --force

COPY --chown=node:node . .
RUN node scripts/start.mjs --build-only

ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# What `npm start` runs, started directly so that `docker stop`'s SIGTERM reaches the server.
CMD ["node", "scripts/start.mjs"]
