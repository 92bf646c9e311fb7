# The app's image, for compose.yaml (README: "Deploying on PostgreSQL"): `npm ci` from the lock
# file, the server compiled once at build time (the bundle `npm start` would build on first
# start), run as the unprivileged node user.
FROM node:20-bookworm-slim

WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, so a change to the sources reuses this layer. Without install scripts here:
# the prepare script needs the sources, which come next; the native modules build in `npm rebuild`.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

COPY --chown=node:node . .
RUN npm rebuild && node scripts/start.mjs --build-only

ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# What `npm start` runs, started directly so that `docker stop`'s SIGTERM reaches the server.
CMD ["node", "scripts/start.mjs"]
