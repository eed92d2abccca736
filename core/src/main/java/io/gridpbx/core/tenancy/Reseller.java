package io.gridpbx.core.tenancy;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A reseller: owns a realm one label below the platform domain and manages the clients under it.
 *
 * @param discountPercent the discount the platform grants it on rates, 0 to 100
 * @param balanceMicros   its prepaid balance in millionths of the platform currency
 * @param language        the language of its own screens and of new clients, ISO 639-1
 */
public record Reseller(String realm, String name, String platformDomain, @Nullable String email,
        BigDecimal discountPercent, long balanceMicros, String language) {

    public Reseller {
        realm = DomainName.normalize(realm);
        platformDomain = DomainName.normalize(platformDomain);
        if (!DomainName.isDirectChild(realm, platformDomain)) {
            throw new IllegalArgumentException("reseller realm " + realm + " must be one label below " + platformDomain);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("reseller name must not be blank");
        }
        if (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("discount must be between 0 and 100 %");
        }
        Languages.require(language);
    }

    public Reseller(String realm, String name, String platformDomain) {
        this(realm, name, platformDomain, null, BigDecimal.ZERO, 0, Languages.DEFAULT);
    }
}
