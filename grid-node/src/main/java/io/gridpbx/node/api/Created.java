package io.gridpbx.node.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A 201 whose {@code Location} names the new object's own URL. */
final class Created {

    private Created() {
    }

    static <T> ResponseEntity<T> at(String pathTemplate, String id, T body) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path(pathTemplate)
                .buildAndExpand(id).toUri()).body(body);
    }
}
