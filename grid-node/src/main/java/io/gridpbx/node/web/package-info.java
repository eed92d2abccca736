/**
 * The node's HTTP endpoints of this stage: node status for operators and probes, and the bulk
 * provisioning path (operator token) used by tests and benchmarks until the full REST API arrives.
 */
@NullMarked
package io.gridpbx.node.web;

import org.jspecify.annotations.NullMarked;
