/**
 * The configuration objects each level keeps besides its tenants: provisioning templates, user and
 * billing profiles, rates, clients' billing (each naming one of its reseller's clients and profiles),
 * number-port requests, ported numbers, caps of concurrent calls (shown with
 * the calls the grid counts against each now, through {@link io.gridpbx.core.features.CallCounts}),
 * settings (a client's dial plan among them), and a client's PBX features (conferences, ring groups,
 * music on hold, IVR menus, feature codes). Each kind declares its fields and who owns it; one scoped
 * service validates and stores them all. Their SIP and media behaviour comes with the PBX feature
 * issues, which may give a kind its own record.
 */
@NullMarked
package io.gridpbx.core.features;

import org.jspecify.annotations.NullMarked;
