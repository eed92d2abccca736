/**
 * The MapStores and MapLoaders of the persisted grid maps: idempotent upserts, batched, reporting partial success, replay-safe.
 */
@NullMarked
package io.gridpbx.persistence.store;

import org.jspecify.annotations.NullMarked;
