/**
 * Rating and balances: billing profiles with per-prefix rates (the longest prefix wins), a minimum,
 * an increment and a connection fee; each client's billing account (prepaid or postpaid with a
 * credit limit); what a call may cost before it starts and how long its funds let it last. Money is
 * kept in millionths of the currency ({@code micros}), never in floating point.
 */
@NullMarked
package io.gridpbx.core.billing;

import org.jspecify.annotations.NullMarked;
