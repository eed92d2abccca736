package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui/index.html}), with bearer tokens. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    static {
        // The actor comes from the Authorization header, not from a parameter the caller sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI gridPbxOpenApi() {
        return new OpenAPI()
                .info(new Info().title("GridPBX API").version("v1").description(
                        "Resellers, clients, users, self-care settings, API tokens and the audit trail. Every call acts"
                                + " at the scope of its bearer token and sees only that subtree."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
