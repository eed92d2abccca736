package io.gridpbx.node.api;

/**
 * The body of every refusal but a validation one.
 *
 * @param error   a stable code: {@code unauthorized}, {@code forbidden}, {@code not-found}, {@code malformed-json},
 *                or a conflict's own code such as {@code reseller.has-clients}
 * @param message English text for a person
 */
record ApiError(String error, String message) {
}
