# syntax=docker/dockerfile:1

# One image recipe for the three stages: MODULE is ingest, matcher or notifier, PORT its HTTP port.
# The build context is the repository root, e.g. docker build --build-arg MODULE=matcher --build-arg PORT=8082 .
# (docker compose passes both for each service).

ARG MODULE=ingest

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# -am also builds shared and embedded (embedded is a test dependency: Maven resolves it even with the tests
# skipped); -DskipElasticsearchDistribution leaves out the Elasticsearch server only the tests need. The local
# Maven repository is a BuildKit cache shared by the builds of the three images, so the dependencies are
# downloaded once; "locked" makes the builds that compose runs side by side take turns with it.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -ntp -pl "${MODULE}" -am package -Dmaven.test.skip=true -DskipElasticsearchDistribution \
    && cp "${MODULE}"/target/tpm-alerts-"${MODULE}"-*-exec.jar /workspace/app.jar

# Temurin's Ubuntu JRE image ships curl, which the compose health check uses.
FROM eclipse-temurin:17-jre-noble
ARG PORT=8081
# A numeric non-root user, so that "run as non-root" policies can check it.
RUN groupadd --gid 10001 tpm \
    && useradd --uid 10001 --gid tpm --home-dir /app --no-create-home --shell /usr/sbin/nologin tpm \
    && mkdir /app \
    && chown tpm:tpm /app
WORKDIR /app
COPY --from=build /workspace/app.jar /app/app.jar
USER 10001:10001
EXPOSE ${PORT}
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
