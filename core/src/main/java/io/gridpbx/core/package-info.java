/**
 * The telephony model of GridPBX as records and pure rules, with the ports the adapters implement.
 * Nothing here imports anything but the JDK and JSpecify: the grid, the SIP stack and the web
 * frameworks live in other modules and reach this code through the ports.
 */
@NullMarked
package io.gridpbx.core;

import org.jspecify.annotations.NullMarked;
