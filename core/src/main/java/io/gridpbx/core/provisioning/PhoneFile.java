package io.gridpbx.core.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file a desk phone asks its provisioning server for, by the vendor's own naming: a per-phone file
 * naming its MAC, or a file common to every phone of a vendor. Some names are shared ({@code <mac>.cfg}
 * by Yealink and Polycom, {@code <mac>.xml} by Cisco 3PCC and Snom): the candidates are listed, most
 * likely first, and the phone's template or User-Agent decides.
 */
public sealed interface PhoneFile {

    /** The longest file name a phone asks for; anything longer is refused before it is matched. */
    int MAX_NAME = 64;

    String name();

    /** A per-phone file. */
    record ForMac(String name, String mac, List<PhoneVendor> candidates) implements PhoneFile {
    }

    /** A file shared by every phone of one vendor: it holds no account and needs no authentication. */
    record Common(String name, PhoneVendor vendor) implements PhoneFile {
    }

    // The MAC is matched in either case: phones print it upper case in some firmware, lower in others.
    Pattern GRANDSTREAM = Pattern.compile("cfg([0-9a-fA-F]{12})(\\.xml)?");
    Pattern CISCO_SPA = Pattern.compile("spa([0-9a-fA-F]{12})\\.(xml|cfg)");
    Pattern POLYCOM_PHONE = Pattern.compile("([0-9a-fA-F]{12})-phone\\.cfg");
    Pattern MAC_CFG = Pattern.compile("([0-9a-fA-F]{12})\\.cfg");
    Pattern MAC_XML = Pattern.compile("([0-9a-fA-F]{12})\\.xml");

    /**
     * The file this name asks for, or empty when it is no provisioning file (a path, an unknown name,
     * a malformed MAC). {@code y000000000000.cfg} and {@code 000000000000.cfg} are the common files of
     * Yealink and Polycom.
     */
    static Optional<PhoneFile> parse(String name) {
        if (name.length() > MAX_NAME) {
            return Optional.empty();
        }
        if (name.equals("y000000000000.cfg")) {
            return Optional.of(new Common(name, PhoneVendor.YEALINK));
        }
        if (name.equals("000000000000.cfg")) {
            return Optional.of(new Common(name, PhoneVendor.POLYCOM));
        }
        return match(name, GRANDSTREAM, List.of(PhoneVendor.GRANDSTREAM))
                .or(() -> match(name, CISCO_SPA, List.of(PhoneVendor.CISCO)))
                .or(() -> match(name, POLYCOM_PHONE, List.of(PhoneVendor.POLYCOM)))
                .or(() -> match(name, MAC_CFG, List.of(PhoneVendor.YEALINK, PhoneVendor.POLYCOM)))
                .or(() -> match(name, MAC_XML, List.of(PhoneVendor.CISCO, PhoneVendor.SNOM)));
    }

    private static Optional<PhoneFile> match(String name, Pattern pattern, List<PhoneVendor> candidates) {
        Matcher m = pattern.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ForMac(name, m.group(1).toLowerCase(java.util.Locale.ROOT), candidates));
    }
}
