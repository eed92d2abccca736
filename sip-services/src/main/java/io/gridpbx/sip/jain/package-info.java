/**
 * The only package that touches JAIN-SIP: the stack, its listener, and the adapters that turn SIP messages into the registrar's and the proxy's stack-free requests and their decisions back into SIP.
 */
@NullMarked
package io.gridpbx.sip.jain;

import org.jspecify.annotations.NullMarked;
