package io.gridpbx.node.api;

import io.gridpbx.core.manage.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The answer for a request under {@code /api/v1} that no resource takes: a 405 with the methods the
 * path does take ({@code Allow}) when it names a resource, a JSON 404 otherwise. Without it the request
 * would fall through to the admin portal, which answers any path with its page.
 */
@RestController
@Hidden
class UnknownResourceController {

    private static final String EVERYTHING_ELSE = "/api/v1/**";

    private final RequestMappingHandlerMapping mappings;

    UnknownResourceController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(EVERYTHING_ELSE)
    void unknown(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        Set<String> allowed = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && !paths.getPatternValues().contains(EVERYTHING_ELSE)
                    && paths.getMatchingCondition(request) != null) {
                info.getMethodsCondition().getMethods().forEach(method -> allowed.add(method.name()));
            }
        }
        if (!allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        throw new NotFoundException("resource", request.getMethod() + " " + request.getRequestURI());
    }
}
