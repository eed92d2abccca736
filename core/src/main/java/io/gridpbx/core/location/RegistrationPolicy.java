package io.gridpbx.core.location;

/**
 * The registrar's limits: RFC 3261 section 10.3 lets it shorten an expiry and refuse one that is
 * too short (423 with Min-Expires); max contacts bounds how many phones share one AOR.
 */
public record RegistrationPolicy(int minExpires, int maxExpires, int defaultExpires, int maxContacts) {

    public static final RegistrationPolicy DEFAULTS = new RegistrationPolicy(60, 3600, 3600, 10);

    public RegistrationPolicy {
        if (minExpires < 1 || maxExpires < minExpires || defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("need 1 <= minExpires <= defaultExpires <= maxExpires");
        }
        if (maxContacts < 1) {
            throw new IllegalArgumentException("maxContacts must be at least 1");
        }
    }

    public RegistrationPolicy withMaxContacts(int contacts) {
        return new RegistrationPolicy(minExpires, maxExpires, defaultExpires, contacts);
    }
}
