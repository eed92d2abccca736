package io.gridpbx.core.manage;

/** A user profile as the user forms offer it: its id, which the user keeps, and its name. */
public record ProfileChoice(String id, String name) {
}
