# TaskFlow server image, as Render builds it (render.yaml: runtime docker).
#
#   docker build -t taskflow-server .
#   docker run --rm -p 8000:8000 -e DATABASE_URL='postgresql://…?sslmode=require' taskflow-server
#   docker run --rm -e DATABASE_URL='…' taskflow-server --check-config
#
# Two stages on Debian 12. The build stage compiles only the server (no desktop app, no tests,
# so no GUI libraries); the runtime stage holds the runtime libraries, the binary and a
# non-root user. The Debian packages come from scripts/packages/*.txt through
# scripts/install-deps.sh, the same lists the README setup and CI install.
# scripts/container-proof.sh carries out these steps in a debootstrap root, without Docker:
# keep to the instructions it understands (FROM debian:12-slim, ARG, ENV, WORKDIR, COPY,
# RUN, USER, EXPOSE, STOPSIGNAL, ENTRYPOINT and CMD in exec form).

FROM debian:12-slim AS build
# The package lists first: this layer stays cached until a list changes.
COPY scripts/install-deps.sh /src/scripts/install-deps.sh
COPY scripts/packages/ /src/scripts/packages/
RUN bash /src/scripts/install-deps.sh build && rm -rf /var/lib/apt/lists/*
# Then the sources (.dockerignore keeps the context to what the server build reads).
COPY . /src
RUN cmake -S /src -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DTASKFLOW_BUILD_DESKTOP=OFF -DTASKFLOW_BUILD_TESTS=OFF \
    && cmake --build /build --target taskflow-server \
    && /build/server/taskflow-server --version

FROM debian:12-slim
COPY scripts/install-deps.sh /tmp/deps/install-deps.sh
COPY scripts/packages/ /tmp/deps/packages/
RUN bash /tmp/deps/install-deps.sh runtime && rm -rf /var/lib/apt/lists/* /tmp/deps \
    && useradd --system --user-group --no-create-home --home-dir /var/lib/taskflow \
        --shell /usr/sbin/nologin taskflow \
    && install -d -o taskflow -g taskflow -m 0750 /var/lib/taskflow
COPY --from=build /build/server/taskflow-server /usr/local/bin/taskflow-server

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
ENTRYPOINT ["/usr/local/bin/taskflow-server"]
