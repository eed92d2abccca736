package io.gridpbx.node.api;

import io.gridpbx.core.manage.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A JSON 404 for a path under {@code /api/v1} that no resource has (or a method it does not take):
 * without it the request would fall through to the admin portal, which answers any path with its page.
 */
@RestController
@Hidden
class UnknownResourceController {

    @RequestMapping("/api/v1/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("resource", request.getMethod() + " " + request.getRequestURI());
    }
}
