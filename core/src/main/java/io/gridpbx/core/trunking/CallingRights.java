package io.gridpbx.core.trunking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which classes of number a user may call, from its user profile: local, national and toll-free
 * numbers for everyone; international and premium numbers when the profile's flags say so;
 * emergency numbers always, whatever is written.
 */
public record CallingRights(Set<NumberClass> allowed) {

    /** A user without a profile. */
    public static final CallingRights BASIC = new CallingRights(
            EnumSet.of(NumberClass.LOCAL, NumberClass.NATIONAL, NumberClass.TOLL_FREE));

    public CallingRights {
        allowed = Set.copyOf(allowed);
    }

    /** The rights a {@code USER_PROFILE}'s values give; null values (no profile, or a deleted one) give {@link #BASIC}. */
    public static CallingRights fromProfile(@Nullable Map<String, String> profile) {
        if (profile == null) {
            return BASIC;
        }
        Set<NumberClass> allowed = EnumSet.copyOf(BASIC.allowed);
        if ("true".equals(profile.get("international"))) {
            allowed.add(NumberClass.INTERNATIONAL);
        }
        if ("true".equals(profile.get("premium"))) {
            allowed.add(NumberClass.PREMIUM);
        }
        return new CallingRights(allowed);
    }

    public boolean allows(NumberClass kind) {
        return kind == NumberClass.EMERGENCY || allowed.contains(kind);
    }
}
