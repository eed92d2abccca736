/**
 * The composition root: the Spring Boot application that assembles one GridPBX node from the grid
 * member, the SIP services and the web endpoints, configured by {@code gridpbx.*} properties.
 */
@NullMarked
package io.gridpbx.node;

import org.jspecify.annotations.NullMarked;
