/**
 * SIP digest authentication per RFC 7616 (MD5 and SHA-256) and the stateless nonces that any node of the cluster can verify.
 */
@NullMarked
package io.gridpbx.core.auth;

import org.jspecify.annotations.NullMarked;
