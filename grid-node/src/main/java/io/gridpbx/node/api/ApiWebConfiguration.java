package io.gridpbx.node.api;

import io.gridpbx.core.access.ApiTokens;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts the bearer-token filter in front of {@code /api/v1} and lets controllers take the {@code Actor}. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(ApiTokens tokens, JsonMapper json) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
                new BearerTokenFilter(tokens, json));
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
