# TaskFlow server image, as Render builds it (render.yaml: runtime docker).
#
#   docker build -t taskflow-server .
#   docker run --rm -p 8000:8000 -e DATABASE_URL='postgresql://…?sslmode=require' taskflow-server
#   docker run --rm -e DATABASE_URL='…' taskflow-server --check-config
#
# Two stages on Debian 13, the current stable (Qt 6.8); DEBIAN_RELEASE=12 builds the same on
# Debian 12 (Qt 6.4). The build stage compiles only the server (the `server` preset: no
# desktop app, no tests, so no GUI libraries) and packages it: the taskflow-server .deb, whose
# dependencies dpkg-shlibdeps found. The runtime stage installs that package, so the image
# holds the libraries the package names and nothing else, and runs as the package's own
# non-root user. The build packages come from scripts/packages/ through
# scripts/install-deps.sh, the lists the README setup and CI install.
# `sudo scripts/container-proof.sh` builds this file with buildah and smoke-tests the image.
ARG DEBIAN_RELEASE=13

FROM debian:${DEBIAN_RELEASE}-slim AS build
# The package lists first: this layer stays cached until a list changes.
COPY scripts/install-deps.sh /src/scripts/install-deps.sh
COPY scripts/packages/ /src/scripts/packages/
RUN bash /src/scripts/install-deps.sh build && rm -rf /var/lib/apt/lists/*
# Then the sources (.dockerignore keeps the context to what the server build reads).
COPY . /src
WORKDIR /src
RUN cmake --preset server \
    && cmake --build --preset server \
    && build-server/server/taskflow-server --version \
    && cpack --preset server -B /packages

FROM debian:${DEBIAN_RELEASE}-slim
COPY --from=build /packages/*.deb /tmp/packages/
# The package creates the user taskflow and its folder /var/lib/taskflow. ca-certificates lets
# libpq verify a database's certificate when DATABASE_URL asks for it (sslrootcert=system).
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        ca-certificates /tmp/packages/taskflow-server_*.deb \
    && rm -rf /var/lib/apt/lists/* /tmp/packages

# The working folder is the user's own, so that the default DATABASE_URL (a SQLite file in
# it) works for a quick local run; on Render, DATABASE_URL names the PostgreSQL database and
# nothing is written here.
WORKDIR /var/lib/taskflow
USER taskflow
# Render sets PORT (10000 by default) and routes to it; 0.0.0.0 so that traffic from outside
# the container reaches the server.
ENV HOST=0.0.0.0 PORT=8000 ENVIRONMENT=production
EXPOSE 8000
# Exec form: the server is PID 1 and receives SIGTERM itself (Render sends it on every deploy);
# it stops accepting, finishes the requests in flight and exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/taskflow-server"]
