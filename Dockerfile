# One multi-stage file for the three services: `docker build --build-arg SERVICE=ingest .`
# (or classifier, reporter). The build stage runs the same Maven build as ./roleradar; the
# runtime stage holds one service's runnable jar and its lib/ folder on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY model model
COPY support support
COPY broker broker
COPY testkit testkit
COPY ingest ingest
COPY classifier classifier
COPY reporter reporter
COPY app app
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=ingest|classifier|reporter" && false)
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/roleradar-${SERVICE}.jar /app/service.jar
COPY --from=build /src/${SERVICE}/target/lib /app/lib
RUN useradd --system --uid 10001 roleradar && mkdir -p /reports /state && chown roleradar /reports /state
USER roleradar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
