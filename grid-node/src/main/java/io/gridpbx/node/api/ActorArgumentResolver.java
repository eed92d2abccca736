package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

/** Hands a controller method the {@link Actor} that {@link BearerTokenFilter} resolved for the request. */
final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Object actor = request.getAttribute(BearerTokenFilter.ACTOR, RequestAttributes.SCOPE_REQUEST);
        if (actor == null) {
            // Only reachable if a path escaped the filter's URL patterns; refuse rather than act as nobody.
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "no bearer token was resolved for this path");
        }
        return (Actor) actor;
    }
}
