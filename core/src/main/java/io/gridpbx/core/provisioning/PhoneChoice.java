package io.gridpbx.core.provisioning;

import io.gridpbx.core.features.ConfigObject;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which vendor a fetch is for and which of the reseller's templates renders it. A file name shared by
 * two vendors is decided by the user's phone model (a reseller template of that model), then by the
 * User-Agent, then by the more common vendor for that name.
 */
record PhoneChoice(PhoneVendor vendor, String model, @Nullable String template, @Nullable String firmwareUrl) {

    static PhoneChoice of(PhoneFile.ForMac file, String userAgent, Optional<ConfigObject> myPhone,
            List<ConfigObject> templates) {
        String model = myPhone.map(p -> p.values().getOrDefault("model", "")).orElse("");
        Optional<ConfigObject> byModel = templates.stream()
                .filter(t -> !model.isEmpty() && model.equalsIgnoreCase(t.values().get("model")))
                .filter(t -> vendorOf(t).filter(file.candidates()::contains).isPresent())
                .findFirst();
        PhoneVendor vendor = byModel.flatMap(PhoneChoice::vendorOf)
                .or(() -> PhoneVendor.inUserAgent(userAgent).filter(file.candidates()::contains))
                .orElse(file.candidates().getFirst());
        Optional<ConfigObject> template = byModel.or(() -> templates.stream()
                .filter(t -> vendorOf(t).filter(vendor::equals).isPresent())
                .min(java.util.Comparator.comparing(ConfigObject::id)));
        return new PhoneChoice(vendor, model.isEmpty() ? template.map(t -> t.values().getOrDefault("model", ""))
                .orElse("") : model,
                template.map(t -> t.values().get("template")).orElse(null),
                template.map(t -> t.values().get("firmwareUrl")).filter(u -> !u.isBlank()).orElse(null));
    }

    private static Optional<PhoneVendor> vendorOf(ConfigObject template) {
        return PhoneVendor.byId(template.values().getOrDefault("vendor", ""));
    }
}
