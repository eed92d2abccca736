package io.gridpbx.node.access;

import io.gridpbx.core.access.PasswordHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt with cost 10: about 60 ms per hash here, slow for a guesser, fast enough for a sign-in. */
public final class BcryptPasswordHasher implements PasswordHasher {

    private final BCryptPasswordEncoder encoder;

    public BcryptPasswordHasher(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
    }

    @Override
    public String hash(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash.startsWith("$2") && encoder.matches(password, hash);
    }
}
