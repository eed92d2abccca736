package io.gridpbx.admin.security;

import io.gridpbx.core.access.Level;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The levels a view is meant for; an actor at another level is sent to its own home. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ForLevels {

    Level[] value();
}
