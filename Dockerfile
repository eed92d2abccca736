# GridPBX node image. Build the jar first (./gridpbx build), then:
#   docker build -t gridpbx:0.1.0 .
# The launcher inside selects the JVM flags Hazelcast needs; properties go after the image name:
#   docker run --network host gridpbx:0.1.0 --gridpbx.sip.host=10.0.0.5 --gridpbx.db.url=jdbc:mariadb://...
FROM eclipse-temurin:25-jre
RUN useradd --system --home-dir /var/lib/gridpbx --create-home gridpbx
COPY gridpbx /opt/gridpbx/gridpbx
COPY grid-node/target/gridpbx-grid-node-0.1.0-SNAPSHOT-exec.jar /opt/gridpbx/gridpbx-node.jar
ENV GRIDPBX_JAR=/opt/gridpbx/gridpbx-node.jar \
    GRIDPBX_JVM_OPTS="-XX:MaxRAMPercentage=75"
WORKDIR /var/lib/gridpbx
USER gridpbx
# SIP (UDP and TCP), SIP over TLS, DNS (UDP and TCP; 53 needs CAP_NET_BIND_SERVICE or a remap), HTTP, Hazelcast
EXPOSE 5060/udp 5060/tcp 5061/tcp 53/udp 53/tcp 8080/tcp 5701/tcp
ENTRYPOINT ["/opt/gridpbx/gridpbx", "run", "--gridpbx.data-dir=/var/lib/gridpbx/data"]
