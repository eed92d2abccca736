/**
 * Call routing decisions that do not depend on a SIP stack: who is the callee, may the caller reach them, and which contacts to fork to.
 */
@NullMarked
package io.gridpbx.core.routing;

import org.jspecify.annotations.NullMarked;
