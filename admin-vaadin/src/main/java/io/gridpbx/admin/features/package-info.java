/**
 * The configuration objects of each level (settings, profiles, rates, a client's PBX features, a
 * user's follow-me...) on one route, {@code config/:kind}. The screens are generated from the kind's
 * declared fields, so a kind added to {@link io.gridpbx.core.features.ConfigKind} needs only its
 * labels here; every value is checked by {@link io.gridpbx.core.features.FeatureConfig}.
 */
@NullMarked
package io.gridpbx.admin.features;

import org.jspecify.annotations.NullMarked;
