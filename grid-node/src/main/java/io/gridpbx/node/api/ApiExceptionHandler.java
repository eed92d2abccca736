package io.gridpbx.node.api;

import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.store.StoreUnavailableException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns what the core services and the request parsing throw into the API's JSON refusals; a client
 * never sees a stack trace, and a failure of ours is a logged 500 with a short body.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ApiError notFound(NotFoundException e) {
        return new ApiError("not-found", String.valueOf(e.getMessage()));
    }

    /** The grid did not answer within its deadline (a member frozen or dying): come back shortly, as SIP's 503 says. */
    @ExceptionHandler
    ResponseEntity<ApiError> unavailable(StoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(new ApiError("unavailable", String.valueOf(e.getMessage())));
    }

    /** A resource asked with a method it does not take, e.g. {@code PATCH /api/v1/resellers}: 405 and its methods. */
    @ExceptionHandler
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(allowed.toArray(HttpMethod[]::new))
                .body(new ApiError("method-not-allowed", e.getMethod() + " is not one of " + allowed));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ApiError forbidden(ForbiddenException e) {
        return new ApiError("forbidden", String.valueOf(e.getMessage()));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.CONFLICT)
    ApiError conflict(ConflictException e) {
        return new ApiError(e.code(), String.valueOf(e.getMessage()));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ValidationError invalid(ValidationException e) {
        return ValidationError.of(e.errors());
    }

    /** A query parameter of the wrong type, e.g. {@code limit=ten}. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ValidationError wrongParameter(MethodArgumentTypeMismatchException e) {
        return ValidationError.of(e.getName(), "type.invalid", "not a valid " + typeName(e.getRequiredType()));
    }

    /** Query parameters bound to a record ({@link ListQuery}) that do not fit its types. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ValidationError wrongParameters(BindException e) {
        return ValidationError.of(e.getFieldErrors().stream()
                .map(f -> FieldError.of(f.getField(), "type.invalid", "not a valid value: '" + f.getRejectedValue() + "'"))
                .toList());
    }

    /** A body that is not JSON, or JSON whose values have the wrong type for their fields. */
    @ExceptionHandler
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(ApiExceptionHandler::segment)
                    .collect(Collectors.joining("."));
            return ResponseEntity.badRequest().body(ValidationError.of(field, "type.invalid",
                    "expected " + typeName(mismatch.getTargetType())));
        }
        String message = switch (e.getCause()) {
            case MismatchedInputException wholeBody -> "the body must be a JSON object";
            case JacksonException json -> "the body is not valid JSON: " + json.getOriginalMessage();
            case null, default -> "the request needs a JSON body";
        };
        return ResponseEntity.badRequest().body(new ApiError("malformed-json", message));
    }

    /** Spring's own refusals (unsupported media type, missing parameter...) keep their status. */
    @ExceptionHandler
    ResponseEntity<ApiError> other(Exception e) {
        if (e instanceof ErrorResponse refusal) {
            HttpStatusCode status = refusal.getStatusCode();
            String reason = HttpStatus.resolve(status.value()) instanceof HttpStatus known
                    ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "error";
            return ResponseEntity.status(status).body(new ApiError(reason, String.valueOf(refusal.getBody().getDetail())));
        }
        LOG.error("REST API request failed", e);
        return ResponseEntity.internalServerError().body(new ApiError("internal", "the node failed; its log says why"));
    }

    private static String segment(JacksonException.Reference reference) {
        return reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]";
    }

    private static String typeName(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "whole number";
            case "BigDecimal" -> "number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            default -> type.getSimpleName();
        };
    }
}
