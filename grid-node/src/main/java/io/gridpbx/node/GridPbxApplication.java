package io.gridpbx.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A GridPBX node: one Hazelcast member, one SIP server, one web server. Every node is the same. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GridPbxApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridPbxApplication.class, args);
    }
}
