package io.gridpbx.core.provisioning;

import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.SipPasswordSeal;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gathers a user's phone configuration variables from its user record, credentials and "my phone" settings. */
record PhoneSettings(TenantDirectory directory, SipPasswordSeal seal) {

    static final String DEFAULT_TIME_ZONE = "UTC";
    static final int MAX_BLF_KEYS = 32;
    private static final int SIP_PORT = 5060;

    PhoneConfig of(String mac, User user, Optional<SipCredentials> credentials, PhoneChoice choice,
            Optional<ConfigObject> myPhone) {
        String password = credentials.flatMap(c -> seal.open(c.sealedPassword(), c.key())).orElse(null);
        return new PhoneConfig(mac, choice.vendor(), choice.model(), user.authUser(), user.extension(),
                user.displayName(), password, user.domain(), SIP_PORT, PhoneConfig.DEFAULT_CODECS,
                timeZone(myPhone), user.language(), blfKeys(user, myPhone), choice.firmwareUrl());
    }

    private static String timeZone(Optional<ConfigObject> myPhone) {
        String zone = myPhone.map(p -> p.values().getOrDefault("timeZone", "")).orElse("").strip();
        try {
            return zone.isEmpty() ? DEFAULT_TIME_ZONE : ZoneId.of(zone).getId();
        } catch (DateTimeException unknownZone) {
            return DEFAULT_TIME_ZONE;
        }
    }

    /** The keys of the user's BLF list: extensions of its own client, in the order given, itself left out. */
    private List<BlfKey> blfKeys(User user, Optional<ConfigObject> myPhone) {
        String list = myPhone.map(p -> p.values().getOrDefault("blfKeys", "")).orElse("");
        List<BlfKey> keys = new ArrayList<>();
        for (String extension : list.split("[,\\s]+")) {
            if (extension.isEmpty() || extension.equals(user.extension()) || !User.isValidExtension(extension)
                    || keys.size() == MAX_BLF_KEYS) {
                continue;
            }
            AddressOfRecord watched = new AddressOfRecord(extension, user.domain());
            String label = directory.user(watched).map(User::displayName).filter(n -> !n.isBlank()).orElse(extension);
            keys.add(new BlfKey(keys.size() + 1, extension, "sip:" + watched, label));
        }
        return keys;
    }
}
