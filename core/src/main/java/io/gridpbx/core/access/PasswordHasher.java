package io.gridpbx.core.access;

/** A slow, salted password hash (bcrypt or argon2): the adapter chooses, core only asks. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
