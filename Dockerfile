# handbook-lint in a container, built from the npm package exactly as `npm pack` makes it:
#   docker build -t handbook-lint .
#   docker run --rm -v "$PWD:/handbook" handbook-lint run /handbook
# Stage 1 packs (prepack bundles the TypeScript sources), stage 2 installs only that tarball: no sources,
# no dev dependencies in the image.
FROM node:22-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
RUN npm pack --silent --pack-destination /tmp && mv /tmp/handbook-lint-*.tgz /tmp/handbook-lint.tgz

FROM node:22-slim
# git gives pages their last-edit dates from the history of a mounted repository; the mount is
# owned by another user than the container's, which git refuses unless told it is safe.
RUN apt-get update \
  && apt-get install -y --no-install-recommends git ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && git config --system --add safe.directory '*'
COPY --from=pack /tmp/handbook-lint.tgz /tmp/handbook-lint.tgz
RUN npm install --global --no-audit --no-fund --loglevel=error /tmp/handbook-lint.tgz \
  && rm /tmp/handbook-lint.tgz \
  && npm cache clean --force
WORKDIR /handbook
USER node
ENTRYPOINT ["handbook-lint"]
CMD ["--help"]
