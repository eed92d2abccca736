/**
 * Text held for long: one shared copy of the strings that many records repeat.
 */
@NullMarked
package io.gridpbx.core.text;

import org.jspecify.annotations.NullMarked;
